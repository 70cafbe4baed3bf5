using Microsoft.Extensions.DependencyInjection;

namespace Conduit.Bench.Load.Clients;

/// <summary><see cref="HttpClient"/> from <c>IHttpClientFactory</c> with Microsoft.Extensions.Http.Resilience's standard handler.</summary>
internal sealed class ResilienceHandlerLoad : ILoadClient
{
    private readonly ServiceProvider _services;
    private readonly HttpClient _client;
    private readonly Uri _path = new("json", UriKind.Relative);

    public ResilienceHandlerLoad(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("bench", c => c.BaseAddress = baseAddress).AddStandardResilienceHandler();
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("bench");
    }

    public string Name => "HttpClient + Http.Resilience";

    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(_path, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _client.Dispose();
        _services.Dispose();
    }
}
