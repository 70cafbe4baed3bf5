using RestSharp;

namespace Conduit.Bench.Load.Clients;

/// <summary>A RestSharp client reading the body.</summary>
internal sealed class RestSharpLoad(Uri baseAddress) : ILoadClient
{
    private readonly RestClient _client = new(new RestClientOptions(baseAddress));

    public string Name => "RestSharp";

    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        var response = await _client.ExecuteAsync(new RestRequest("json"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessful)
        {
            throw new HttpRequestException($"RestSharp answered {(int)response.StatusCode}: {response.ErrorMessage}");
        }
    }

    public void Dispose() => _client.Dispose();
}
