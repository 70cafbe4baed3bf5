using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Conduit.Redis.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence, in a temporary directory. It can be stopped
/// and started again on the same port (to test outages). Tests call <see cref="StartOrSkip"/>: when the server cannot
/// be started the test is skipped with the reason.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conduit-redis-").FullName;
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static RedisServer StartOrSkip()
    {
        const string executable = "/usr/bin/redis-server";
        var path = File.Exists(executable) ? executable : FindOnPath("redis-server");
        if (path is null)
        {
            Assert.Skip("redis-server is not installed (looked in /usr/bin and PATH); install it (apt-get install redis-server) to run the Redis tests.");
        }

        var server = new RedisServer(FreePort());
        try
        {
            server.Start(path);
            return server;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            server.Dispose();
            Assert.Skip($"redis-server could not be started: {ex.Message}");
            throw;
        }
    }

    /// <summary>A connection that reconnects on its own and fails fast while disconnected.</summary>
    public ConnectionMultiplexer Connect()
    {
        var connection = ConnectionMultiplexer.Connect(new ConfigurationOptions
            {
            EndPoints = { Endpoint },
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
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

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Restart()
    {
        Stop();
        Start(File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : FindOnPath("redis-server")!);
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private void Start(string path)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var ready = SpinWait.SpinUntil(() => _process.HasExited || CanConnect(), 10_000);
        if (!ready || _process.HasExited)
        {
            throw new TimeoutException($"redis-server did not accept connections on port {Port}.");
        }
    }

    private bool CanConnect()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
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
