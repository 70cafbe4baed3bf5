using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// Two Kestrel servers on 127.0.0.1 that answer <c>GET /s/{id}</c> with scenario <c>id</c>: one through the HTTP stack
/// (any status, headers, body, stalls, huge and compressed bodies), one through a raw connection handler that writes
/// bytes straight to the socket (broken status lines, Content-Length and header values).
/// </summary>
public sealed class MisbehavingServer : IAsyncDisposable
{
    private static readonly byte[] Zeros = new byte[64 * 1024];
    private static readonly Lazy<byte[]> Bomb = new(() => Gzip(64 * 1024 * 1024));
    private readonly ConcurrentDictionary<int, ResponseScenario> _scenarios = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _http;
    private readonly WebApplication _raw;
    private int _nextId;

    private MisbehavingServer(WebApplication http, WebApplication raw)
    {
        _http = http;
        _raw = raw;
        HttpBase = new Uri(Address(http));
        RawBase = new Uri(Address(raw));
    }

    /// <summary>The base URL of the HTTP-stack server.</summary>
    public Uri HttpBase { get; }

    /// <summary>The base URL of the raw server.</summary>
    public Uri RawBase { get; }

    public static async Task<MisbehavingServer> StartAsync()
    {
        MisbehavingServer? server = null;
        var http = Build(listen => { });
        http.Run(context => server!.ServeHttpAsync(context));
        var raw = Build(listen => listen.Run(connection => server!.ServeRawAsync(connection)));
        await http.StartAsync(TestContext.Current.CancellationToken);
        await raw.StartAsync(TestContext.Current.CancellationToken);
        server = new MisbehavingServer(http, raw);
        return server;
    }

    /// <summary>Registers a scenario and returns the URL that serves it.</summary>
    public Uri Add(ResponseScenario scenario)
    {
        var id = Interlocked.Increment(ref _nextId);
        _scenarios[id] = scenario;
        return new Uri(scenario.Raw is null ? HttpBase : RawBase, $"s/{id}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _http.StopAsync();
        await _raw.StopAsync();
        await _http.DisposeAsync();
        await _raw.DisposeAsync();
        _stopping.Dispose();
    }

    private static WebApplication Build(Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, configure);
        });
        return builder.Build();
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    private ResponseScenario? Find(string? path) =>
        path is not null && path.StartsWith("/s/", StringComparison.Ordinal)
        && int.TryParse(path.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _scenarios.TryGetValue(id, out var scenario)
            ? scenario
            : null;

    private async Task ServeHttpAsync(HttpContext context)
    {
        if (Find(context.Request.Path.Value)?.Http is not { } plan)
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var token = stop.Token;
        try
        {
            if (plan.Mode == BodyMode.StallBeforeHeaders)
            {
                await Task.Delay(Timeout.Infinite, token);
                return;
            }

            var response = context.Response;
            response.StatusCode = plan.Status;
            foreach (var (name, value) in plan.Headers)
            {
                response.Headers.Append(name, value);
            }

            await WriteBodyAsync(response, plan, token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (timeout, size limit) or the server is stopping.
        }
        catch (IOException)
        {
            // The client closed the connection mid-body.
        }
        catch (InvalidOperationException)
        {
            // Kestrel refuses some plans (a body on a 204 or 304): the response ends as far as it got.
        }
    }

    private static async Task WriteBodyAsync(HttpResponse response, HttpPlan plan, CancellationToken token)
    {
        switch (plan.Mode)
        {
            case BodyMode.Buffered:
                response.ContentLength = plan.Body.Length;
                await response.Body.WriteAsync(plan.Body, token);
                break;
            case BodyMode.Chunked:
                for (var i = 0; i < plan.Body.Length; i += 7)
                {
                    await response.Body.WriteAsync(plan.Body.AsMemory(i, Math.Min(7, plan.Body.Length - i)), token);
                    await response.Body.FlushAsync(token);
                }

                break;
            case BodyMode.StallMidBody:
                if (plan.DeclareLength)
                {
                    response.ContentLength = plan.Body.Length + 1000;
                }

                await response.Body.WriteAsync(plan.Body, token);
                await response.Body.FlushAsync(token);
                await Task.Delay(Timeout.Infinite, token);
                break;
            case BodyMode.Drip:
                if (plan.DeclareLength)
                {
                    response.ContentLength = 10_000;
                }

                for (var i = 0; i < 10_000; i++)
                {
                    await response.Body.WriteAsync("x"u8.ToArray(), token);
                    await response.Body.FlushAsync(token);
                    await Task.Delay(50, token);
                }

                break;
            case BodyMode.Huge:
                if (plan.DeclareLength)
                {
                    response.ContentLength = plan.HugeSize;
                }

                for (long sent = 0; sent < plan.HugeSize; sent += Zeros.Length)
                {
                    await response.Body.WriteAsync(Zeros.AsMemory(0, (int)Math.Min(Zeros.Length, plan.HugeSize - sent)), token);
                }

                break;
            case BodyMode.GzipBomb:
                response.Headers.ContentEncoding = "gzip";
                response.ContentLength = Bomb.Value.Length;
                await response.Body.WriteAsync(Bomb.Value, token);
                break;
        }
    }

    private async Task ServeRawAsync(ConnectionContext connection)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, _stopping.Token);
        var token = stop.Token;
        try
        {
            var path = await ReadRequestPathAsync(connection.Transport.Input, token);
            if (Find(path)?.Raw is not { } plan)
            {
                await connection.Transport.Output.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), token);
                return;
            }

            await connection.Transport.Output.WriteAsync(plan.Bytes, token);
            switch (plan.Ending)
            {
                case RawEnding.Stall:
                    await Task.Delay(Timeout.Infinite, token);
                    break;
                case RawEnding.Abort:
                    connection.Abort(new ConnectionAbortedException("Scenario resets the connection."));
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
        catch (ConnectionResetException)
        {
            // The client reset the connection.
        }
        finally
        {
            await connection.Transport.Output.CompleteAsync();
        }
    }

    /// <summary>Reads one request head and returns the path of its request line (null if the client sent nothing usable).</summary>
    private static async Task<string?> ReadRequestPathAsync(PipeReader input, CancellationToken token)
    {
        while (true)
        {
            var result = await input.ReadAsync(token);
            var buffer = result.Buffer;
            var text = Encoding.Latin1.GetString(buffer.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                input.AdvanceTo(buffer.GetPosition(end + 4));
                var parts = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                return parts.Length >= 2 ? parts[1] : null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || buffer.Length > 64 * 1024)
            {
                return null;
            }
        }
    }

    private static byte[] Gzip(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var written = 0; written < size; written += Zeros.Length)
            {
                gzip.Write(Zeros);
            }
        }

        return output.ToArray();
    }
}
