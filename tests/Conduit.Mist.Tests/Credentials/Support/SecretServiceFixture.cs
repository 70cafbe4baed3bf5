using System.Diagnostics;
using Conduit.Mist.Credentials;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>
/// A private, headless Secret Service for real keyring tests: a D-Bus session daemon (with no service activation, so
/// nothing else can claim the secrets name) and an unlocked <c>gnome-keyring-daemon --components=secrets</c>, both
/// with <c>HOME</c>/<c>XDG_*</c> in a temporary folder. Only the child processes see the bus address; the test
/// process environment is not changed. <see cref="SkipReason"/> is set when a tool is not installed.
/// </summary>
public sealed class SecretServiceFixture : IAsyncLifetime
{
    private static readonly string[] RequiredTools = ["dbus-daemon", "gnome-keyring-daemon", "secret-tool"];
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(15);
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);
    private Process? _bus;
    private Process? _keyring;

    /// <summary>Why the tests cannot run here, or <see langword="null"/> when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Options that point <c>secret-tool</c> at the private session bus.</summary>
    public SecretServiceKeyringOptions Options => new() { Environment = new Dictionary<string, string?>(_environment, StringComparer.Ordinal) };

    public async ValueTask InitializeAsync()
    {
        var missing = RequiredTools.Where(tool => SystemKeyring.FindExecutable(tool) is null).ToArray();
        if (!OperatingSystem.IsLinux() || missing.Length > 0)
        {
            SkipReason = OperatingSystem.IsLinux()
                ? $"Real Secret Service tests need {string.Join(", ", missing)} on PATH (Debian packages: dbus, gnome-keyring, libsecret-tools)."
                : "Real Secret Service tests run on Linux only.";
            return;
        }

        var runtime = Directory.CreateDirectory(Path.Combine(_folder.Path, "run"));
        runtime.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        _environment["HOME"] = _folder.Path;
        _environment["XDG_RUNTIME_DIR"] = runtime.FullName;
        _environment["XDG_DATA_HOME"] = Directory.CreateDirectory(Path.Combine(_folder.Path, "data")).FullName;
        _environment["XDG_CONFIG_HOME"] = Directory.CreateDirectory(Path.Combine(_folder.Path, "config")).FullName;
        _environment["XDG_CACHE_HOME"] = Directory.CreateDirectory(Path.Combine(_folder.Path, "cache")).FullName;
        _environment["DISPLAY"] = null;

        var config = _folder.Write("session.conf", $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={Path.Combine(_folder.Path, "bus")}</listen>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """);
        _bus = Start("dbus-daemon", ["--config-file=" + config, "--nofork", "--nopidfile", "--print-address=1"]);
        var address = await _bus.StandardOutput.ReadLineAsync().WaitAsync(StartupTimeout);
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException("dbus-daemon printed no bus address: " + await _bus.StandardError.ReadToEndAsync());
        }

        _environment["DBUS_SESSION_BUS_ADDRESS"] = address.Trim();
        _keyring = Start("gnome-keyring-daemon", ["--foreground", "--unlock", "--components=secrets"]);
        await _keyring.StandardInput.WriteAsync("conduit-test-keyring-password");
        _keyring.StandardInput.Close();
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _keyring, _bus })
        {
            if (process is null)
            {
                continue;
            }

            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            catch (TimeoutException)
            {
                // Left to the system; the folder is removed anyway.
            }

            process.Dispose();
        }

        _folder.Dispose();
    }

    private Process Start(string tool, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException($"{tool} did not start.");
    }

    // Bounded polling: the daemon is ready when a lookup of a missing item answers "not found" (exit 1, no error text).
    private async Task WaitUntilReadyAsync()
    {
        var keyring = new SecretServiceKeyring(Options);
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < StartupTimeout)
        {
            if (_keyring!.HasExited)
            {
                throw new InvalidOperationException($"gnome-keyring-daemon exited with {_keyring.ExitCode}: {await _keyring.StandardError.ReadToEndAsync()}");
            }

            try
            {
                await keyring.GetPasswordAsync("conduit-readiness-probe", "probe");
                return;
            }
            catch (KeyringException ex)
            {
                last = ex;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("The private Secret Service did not become ready in time.", last);
    }
}
