using Flurl.Http;

namespace Conduit.Bench.Load.Clients;

/// <summary>A Flurl client reading the body as bytes.</summary>
internal sealed class FlurlLoad(Uri baseAddress) : ILoadClient
{
    private readonly FlurlClient _client = new(baseAddress.ToString());

    public string Name => "Flurl";

    public async ValueTask SendAsync(CancellationToken cancellationToken) =>
        _ = await _client.Request("json").GetBytesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public void Dispose() => _client.Dispose();
}
