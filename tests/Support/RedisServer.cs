using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Conduit.Tests.Support;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port, without persistence, in a temporary folder. It can be killed
/// (no shutdown handshake, as a crash would) and started again on the same port, to test outages. Tests call
/// <see cref="StartOrSkip"/>: when <c>redis-server</c> is not installed or does not start, the test is skipped with
/// the reason. Compiled into the test projects that need it (Conduit.Redis.Tests, Conduit.Chaos.Tests).
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conduit-redis-").FullName;
    private readonly string _executable;
    private Process? _process;

    private RedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    /// <summary>The loopback port the server listens on (the same after a restart).</summary>
    public int Port { get; }

    /// <summary>The server's endpoint, <c>127.0.0.1:port</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts a server, or skips the calling test (with the reason) when that is not possible.</summary>
    public static RedisServer StartOrSkip()
    {
        var executable = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : FindOnPath("redis-server");
        if (executable is null)
        {
            Assert.Skip("redis-server is not installed (looked in /usr/bin and PATH); install it (apt-get install redis-server) to run this test.");
        }

        var server = new RedisServer(executable, FreePort());
        try
        {
            server.Start();
            return server;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            server.Dispose();
            Assert.Skip($"redis-server could not be started: {ex.Message}");
            throw;
        }
    }

    /// <summary>A connection that reconnects on its own and fails fast while disconnected, as the limiter's docs ask.</summary>
    /// <param name="timeoutMilliseconds">The connect, sync and async timeouts.</param>
    public ConnectionMultiplexer Connect(int timeoutMilliseconds = 5000)
    {
        var connection = ConnectionMultiplexer.Connect(new ConfigurationOptions
        {
            EndPoints = { Endpoint },
            AbortOnConnectFail = false,
            ConnectTimeout = timeoutMilliseconds,
            SyncTimeout = timeoutMilliseconds,
            AsyncTimeout = timeoutMilliseconds,
            ConnectRetry = 1,
            ReconnectRetryPolicy = new LinearRetry(100),
            BacklogPolicy = BacklogPolicy.FailFast,
        });

        // AbortOnConnectFail = false returns before the connection is up; tests start from a connected state.
        if (!SpinWait.SpinUntil(() => connection.IsConnected, 10_000))
        {
            connection.Dispose();
            throw new TimeoutException($"Could not connect to redis-server on port {Port}.");
        }

        return connection;
    }

    /// <summary>Kills the server (no shutdown handshake), as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } running)
        {
            running.Kill();
            running.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers PING.</summary>
    /// <exception cref="TimeoutException">It did not answer within 10 s.</exception>
    public void Start()
    {
        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var started = _process;
        if (!SpinWait.SpinUntil(() => started.HasExited || CanPing(), 10_000) || started.HasExited)
        {
            throw new TimeoutException($"redis-server did not accept connections on port {Port}.");
        }
    }

    /// <summary>Kills the server and starts it again on the same port.</summary>
    public void Restart()
    {
        Kill();
        Start();
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private bool CanPing()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            return stream.Read(buffer) > 0 && buffer[0] == (byte)'+';
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
