using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port, counting every request it receives by method and path and
/// keeping the last request's headers and query. Compiled into the test projects that need it (Conduit.Http.Tests,
/// Conduit.Integrations.Tests).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's base URL, ending with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many requests arrived for <paramref name="method"/> and <paramref name="path"/> (e.g. "GET /items").</summary>
    public int Count(string method, string path) => _counts.TryGetValue(method + " " + path, out var n) ? n : 0;

    /// <summary>How many requests arrived for <paramref name="route"/>, written "METHOD /path" (e.g. "GET /items").</summary>
    public int Count(string route) => _counts.TryGetValue(route, out var n) ? n : 0;

    /// <summary>Total requests received.</summary>
    public int TotalCount => _counts.Values.Sum();

    /// <summary>The headers of the last request received.</summary>
    public IHeaderDictionary? LastHeaders { get; private set; }

    /// <summary>The query string of the last request received (with its '?'), if any.</summary>
    public string? LastQuery { get; private set; }

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Use(async (context, next) =>
        {
            server!._counts.AddOrUpdate(context.Request.Method + " " + context.Request.Path, 1, static (_, n) => n + 1);
            server.LastHeaders = context.Request.Headers;
            server.LastQuery = context.Request.QueryString.Value;
            await next(context);
        });
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Waits (bounded) until the server has counted at least <paramref name="expected"/> requests for the route.</summary>
    public void WaitForCount(string method, string path, int expected, int timeoutMs = 10_000)
    {
        if (!SpinWait.SpinUntil(() => Count(method, path) >= expected, timeoutMs))
        {
            throw new TimeoutException($"Expected {expected} request(s) to {method} {path}, saw {Count(method, path)}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
