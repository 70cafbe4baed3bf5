using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// A Kestrel target in a child process answering <c>GET /json</c> with the load harness's ~1 KB body, so that what a
/// benchmark allocates is the client's alone.
/// </summary>
internal sealed class LoopbackTarget : IDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "[" + string.Join(',', Enumerable.Range(0, 5).Select(i =>
            $"{{\"id\":\"00000000-0000-0000-1000-5c5b35{i:D6}\",\"mac\":\"5c5b35{i:D6}\",\"name\":\"ap-{i:D2}\",\"model\":\"AP45\",\"type\":\"ap\",\"site_id\":\"978c48e6-6ef6-11e6-8bbf-02e208b2d34f\",\"serial\":\"A0703{i:D5}\",\"status\":\"connected\"}}")) + "]");

    private readonly Process _process;

    private LoopbackTarget(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts this program with <c>serve</c> in a child process and waits until it accepts connections.</summary>
    public static LoopbackTarget Start()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var assembly = typeof(LoopbackTarget).Assembly.Location;
        var start = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new ProcessStartInfo(host, ["exec", assembly, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            : new ProcessStartInfo(Path.ChangeExtension(assembly, null), ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        start.UseShellExecute = false;
        // Under `dotnet-trace collect -- …` the target must not try to join the profiler's diagnostic port.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        var process = Process.Start(start)!;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return new LoopbackTarget(process, new Uri($"http://127.0.0.1:{port}/"));
            }
            catch (SocketException) when (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(50);
            }
        }
    }

    public static async Task ServeAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/json", static (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength = Body.Length;
            return ctx.Response.Body.WriteAsync(Body, 0, Body.Length, ctx.RequestAborted);
        });
        await app.RunAsync();
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
