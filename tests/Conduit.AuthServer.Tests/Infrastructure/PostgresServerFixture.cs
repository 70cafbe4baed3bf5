using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Conduit.AuthServer.Tests.Infrastructure.PostgresServerFixture))]

namespace Conduit.AuthServer.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server for the whole test run: found under <c>/usr/lib/postgresql/*/bin</c>
/// (Debian package <c>postgresql</c>), initialised in a temporary data directory, started on a free
/// loopback port (as the <c>postgres</c> user when running as root) and removed at the end. When the
/// binaries are absent, PostgreSQL tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? _binDirectory;
    private string? _dataDirectory;
    private bool _started;

    /// <summary>Why PostgreSQL tests cannot run, or <see langword="null"/> when the server is up.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Why the server failed to start although its binaries exist (tests then fail with this).</summary>
    public string? StartFailure { get; private set; }

    /// <summary>Connection string of the <c>postgres</c> database as the superuser.</summary>
    public string? AdminConnectionString { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _binDirectory = Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (_binDirectory is null)
        {
            SkipReason = $"PostgreSQL server binaries not found under {BinariesRoot}/*/bin (install the Debian package 'postgresql').";
            return;
        }

        try
        {
            await StartAsync();
        }
#pragma warning disable CA1031 // Any failure is reported to the tests that need the server.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            StartFailure = $"PostgreSQL binaries found in {_binDirectory} but the server did not start: {exception.Message}";
        }
    }

    /// <summary>Skips the calling test when PostgreSQL is absent, fails it when it is present but broken; returns a new empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        Assert.True(StartFailure is null, StartFailure);
        var name = "conduit_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            await RunAsync("pg_ctl", "-D", _dataDirectory!, "-m", "immediate", "-w", "stop");
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task StartAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "conduit-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL refuses to run as root: hand the directory to the postgres user.
            await RunProcessAsync("chown", ["postgres:postgres", _dataDirectory]);
        }

        await RunAsync("initdb", "-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        var port = FreeLoopbackPort();
        var serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -k {_dataDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync("pg_ctl", "-D", _dataDirectory, "-o", serverOptions, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60", "start");
        _started = true;
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=60";
    }

    private Task RunAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binDirectory!, tool);
        return Environment.IsPrivilegedProcess
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : RunProcessAsync(executable, arguments);
    }

    private static async Task RunProcessAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments.Take(4))} exited with {process.ExitCode}: {await error} {await output}".Trim());
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
