using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>
/// Pages any Mist call given as an <see cref="ApiRequest"/> (a path the generated API does not cover, or a raw call):
/// a JSON array answer pages by <c>page</c> and the <c>X-Page-*</c> headers (concurrently once the total is known),
/// an envelope answer by its <c>next</c> link.
/// </summary>
/// <example>
/// <code>
/// var request = ApiRequest.Get("/api/v1/orgs/{0}/inventory", orgId).WithQuery("limit", 100);
/// var devices = await session.Client.PageAsync(request).GetAllAsync();
/// </code>
/// </example>
public static class MistRawPaging
{
    /// <summary>The items of every page of <paramref name="request"/>, typed with source-generated metadata.</summary>
    /// <param name="client">The client to send with (for example <c>session.Client</c>).</param>
    /// <param name="request">The first page's request (a GET); its <c>page</c> query value, if any, is the first page.</param>
    /// <param name="items">The metadata of a list of items.</param>
    /// <param name="cancellationToken">Cancels every fetch.</param>
    public static MistAsyncPageable<T> PageAsync<T>(this ConduitClient client, ApiRequest request, JsonTypeInfo<IList<T>> items, CancellationToken cancellationToken = default) =>
        new(Source(client, request, items), cancellationToken);

    /// <summary>The synchronous form of <see cref="PageAsync{T}(ConduitClient, ApiRequest, JsonTypeInfo{IList{T}}, CancellationToken)"/>.</summary>
    public static MistPageable<T> Page<T>(this ConduitClient client, ApiRequest request, JsonTypeInfo<IList<T>> items, CancellationToken cancellationToken = default) =>
        new(Source(client, request, items), cancellationToken);

    /// <summary>The items of every page of <paramref name="request"/> as JSON elements.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="request">The first page's request (a GET).</param>
    /// <param name="cancellationToken">Cancels every fetch.</param>
    public static MistAsyncPageable<JsonElement> PageAsync(this ConduitClient client, ApiRequest request, CancellationToken cancellationToken = default) =>
        client.PageAsync(request, MistPagingJsonContext.Default.IListJsonElement, cancellationToken);

    /// <summary>The synchronous form of <see cref="PageAsync(ConduitClient, ApiRequest, CancellationToken)"/>.</summary>
    public static MistPageable<JsonElement> Page(this ConduitClient client, ApiRequest request, CancellationToken cancellationToken = default) =>
        client.Page(request, MistPagingJsonContext.Default.IListJsonElement, cancellationToken);

    private static RawPageSource<T> Source<T>(ConduitClient client, ApiRequest request, JsonTypeInfo<IList<T>> items)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        return new RawPageSource<T>(client, request, items);
    }
}
