using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>
/// Pages a Mist search envelope (<c>{"results": [...], "next": "/api/v1/...", "total": n, "limit": n}</c>):
/// the next page is a GET of <c>next</c> until it is absent, null or empty.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class NextLinkSource<T>(ConduitClient client, ApiRequest first, JsonTypeInfo<IList<T>> items) : MistPageSource<T>
{
    /// <inheritdoc />
    public override async Task<MistPage<T>?> GetPageAsync(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        var request = Next(previous);
        return request is null ? null : Read(await client.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        var request = Next(previous);
        return request is null ? null : Read(client.Send(request, cancellationToken));
    }

    private ApiRequest? Next(MistPage<T>? previous)
        => previous is null ? first
            : string.IsNullOrEmpty(previous.NextLink) ? null
            : new ApiRequest(HttpMethod.Get, previous.NextLink);

    private MistPage<T> Read(ApiResponse response)
    {
        if (response.Content.IsEmpty)
        {
            return new MistPage<T>([], response);
        }

        using var document = response.ReadJsonDocument();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new MistPage<T>([], response);
        }

        IList<T>? values = null;
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            try
            {
                values = results.Deserialize(items);
            }
            catch (JsonException ex)
            {
                throw new ApiException(
                    $"{response.RequestMethod} {response.RequestUri} answered {(int)response.StatusCode} with results that are not the expected JSON: {ex.Message}",
                    response.RequestMethod, response.RequestUri, response, ex);
            }
        }

        var next = root.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        long? total = root.TryGetProperty("total", out var count) && count.TryGetInt64(out var t) ? t : null;
        int? limit = root.TryGetProperty("limit", out var size) && size.TryGetInt32(out var l) ? l : null;
        return new MistPage<T>(values is null ? [] : [.. values], response, null, limit, total, next);
    }
}
