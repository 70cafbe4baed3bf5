using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port, without persistence, in a temporary folder;
/// it can be killed and started again on the same port. <see cref="StartOrSkip"/> skips the test,
/// with the reason, when <c>redis-server</c> is not installed or does not start.
/// </summary>
internal sealed class RedisProcess : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("conduit-chaos-redis-").FullName;
    private readonly string executable;
    private Process? process;

    private RedisProcess(string executable, int port)
    {
        this.executable = executable;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static RedisProcess StartOrSkip()
    {
        var executable = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : FindOnPath("redis-server");
        if (executable is null)
        {
            Assert.Skip("redis-server is not installed (looked in /usr/bin and PATH): install it (apt-get install redis-server) to run the Redis outage chaos test.");
        }

        var server = new RedisProcess(executable, FreePort());
        try
        {
            server.Start();
            return server;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            server.Dispose();
            Assert.Skip($"redis-server could not be started: {ex.Message}");
            throw;
        }
    }

    /// <summary>A connection that reconnects on its own and fails fast while disconnected, as the limiter's docs ask.</summary>
    public ConnectionMultiplexer Connect()
    {
        var connection = ConnectionMultiplexer.Connect(new ConfigurationOptions
        {
            EndPoints = { Endpoint },
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            SyncTimeout = 2000,
            AsyncTimeout = 2000,
            ConnectRetry = 1,
            ReconnectRetryPolicy = new LinearRetry(100),
            BacklogPolicy = BacklogPolicy.FailFast,
        });
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
        if (process is { HasExited: false } running)
        {
            running.Kill();
            running.WaitForExit(10_000);
        }

        process?.Dispose();
        process = null;
    }

    public void Start()
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            info.ArgumentList.Add(arg);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = process;
        if (!SpinWait.SpinUntil(() => started.HasExited || CanPing(), 10_000) || started.HasExited)
        {
            throw new TimeoutException($"redis-server did not accept connections on port {Port}.");
        }
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(directory, recursive: true);
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

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
