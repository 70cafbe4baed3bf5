using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Integrations.Tests.Infrastructure;

/// <summary>A Kestrel server on 127.0.0.1 (random port) that counts requests by "METHOD /path" and keeps the last request's headers and query.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private TestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IHeaderDictionary? LastHeaders { get; private set; }

    public string? LastQuery { get; private set; }

    public int Count(string route) => _counts.TryGetValue(route, out var n) ? n : 0;

    public int Total => _counts.Values.Sum();

    public static async Task<TestServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TestServer? server = null;
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
        server = new TestServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
