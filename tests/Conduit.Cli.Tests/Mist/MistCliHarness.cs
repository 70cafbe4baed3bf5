using System.CommandLine;
using Conduit.Cli.Commands;
using Conduit.Cli.Commands.Mist;
using Conduit.Mist.Credentials;
using Conduit.Sandbox;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Mist;

/// <summary>
/// Runs <c>conduit mist …</c> in-process against an embedded Mist sandbox on loopback, with captured output, a
/// temporary configuration folder, an in-memory keyring, no terminal, and an environment of its own (the machine's
/// variables never leak in).
/// </summary>
internal sealed class MistCliHarness : IAsyncDisposable
{
    private MistCliHarness(MistSandbox sandbox, string configDirectory)
    {
        Sandbox = sandbox;
        ConfigDirectory = configDirectory;
        Variables[MistCliEnvironment.ConfigDirectoryVariable] = configDirectory;
    }

    public MistSandbox Sandbox { get; }

    public string ConfigDirectory { get; }

    public string LoginFile => Path.Combine(ConfigDirectory, "mist-login.json");

    public string Token => Sandbox.Seed.Tokens[0];

    public InMemoryKeyring Keyring { get; } = new();

    /// <summary>The keyring the commands get; the in-memory one unless a test makes it unavailable.</summary>
    public Func<IKeyring>? KeyringFactory { get; set; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>How questions are answered; by default no terminal is attached.</summary>
    public IMistPrompt Prompt { get; set; } = new NoTerminalPrompt();

    public static async Task<MistCliHarness> StartAsync(Action<MistSandboxOptions>? configure = null)
    {
        var options = new MistSandboxOptions { EnableHttps = false, SiteCount = 3, DeviceCount = 40 };
        configure?.Invoke(options);
        var sandbox = await MistSandbox.StartAsync(options, TestContext.Current.CancellationToken);
        var directory = Path.Combine(Path.GetTempPath(), $"conduit-cli-mist-{Guid.NewGuid():N}");
        return new MistCliHarness(sandbox, directory);
    }

    /// <summary>Runs <c>conduit mist</c> with the arguments (no terminal; output captured).</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new TestConsole().Width(250), string.Empty, TestContext.Current.CancellationToken, args);

    /// <summary>Runs with standard input.</summary>
    public Task<CliRun> RunWithInputAsync(string stdin, params string[] args) => RunAsync(new TestConsole().Width(250), stdin, TestContext.Current.CancellationToken, args);

    /// <summary>Runs on a given console, with standard input and a cancellation token (Ctrl+C).</summary>
    public async Task<CliRun> RunAsync(IAnsiConsole console, string stdin, CancellationToken cancellationToken, params string[] args)
    {
        var environment = new MistCliEnvironment
        {
            Console = console,
            Input = new StringReader(stdin),
            GetEnvironmentVariable = name => Variables.TryGetValue(name, out var value) ? value : null,
            KeyringFactory = KeyringFactory ?? (() => Keyring),
            Prompt = Prompt,
        };
        var root = new RootCommand { MistCommand.Create(environment) };
        var exit = await CliInvocation.InvokeAsync(CliInvocation.Parse(root, ["mist", .. args]), cancellationToken);
        return new CliRun(exit, console is TestConsole test ? test.Output : string.Empty);
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        if (Directory.Exists(ConfigDirectory))
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
    }
}
