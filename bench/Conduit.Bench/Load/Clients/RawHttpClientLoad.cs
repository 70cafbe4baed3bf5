namespace Conduit.Bench.Load.Clients;

/// <summary>The baseline: a plain <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/>.</summary>
internal sealed class RawHttpClientLoad(Uri baseAddress) : ILoadClient
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
    private readonly Uri _path = new("json", UriKind.Relative);

    public string Name => "HttpClient (raw)";

    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(_path, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _client.Dispose();
}
