using Refit;

namespace Conduit.Bench.Load.Clients;

/// <summary>A Refit interface client returning the body as a string.</summary>
internal sealed class RefitLoad : ILoadClient
{
    private readonly HttpClient _http;
    private readonly IBenchApi _api;

    public RefitLoad(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        _api = RestService.For<IBenchApi>(_http);
    }

    public string Name => "Refit";

    public async ValueTask SendAsync(CancellationToken cancellationToken) => _ = await _api.GetJsonAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose() => _http.Dispose();
}

/// <summary>The Refit contract for the target.</summary>
public interface IBenchApi
{
    /// <summary>GET /json.</summary>
    [Get("/json")]
    Task<string> GetJsonAsync(CancellationToken cancellationToken);
}
