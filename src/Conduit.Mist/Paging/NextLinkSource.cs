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
        return request is null ? null : MistPageReader.ReadEnvelope(await client.SendAsync(request, cancellationToken).ConfigureAwait(false), items);
    }

    /// <inheritdoc />
    public override MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        var request = Next(previous);
        return request is null ? null : MistPageReader.ReadEnvelope(client.Send(request, cancellationToken), items);
    }

    private ApiRequest? Next(MistPage<T>? previous)
        => previous is null ? first
            : string.IsNullOrEmpty(previous.NextLink) ? null
            : new ApiRequest(HttpMethod.Get, previous.NextLink);
}
