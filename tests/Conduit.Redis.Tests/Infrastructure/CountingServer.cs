using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Redis.Tests.Infrastructure;

/// <summary>A Kestrel server on loopback with a random port; counts every request it receives.</summary>
public sealed class CountingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private CountingServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Count => Volatile.Read(ref _count);

    public static async Task<CountingServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new CountingServer(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._count);
            await next(context);
        });
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
