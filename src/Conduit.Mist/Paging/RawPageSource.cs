using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>
/// Pages any request by what its first answer looks like: a JSON array pages by <c>page</c> and the
/// <c>X-Page-*</c> headers (by number, so concurrently once the total is known); an object pages by its <c>next</c> link.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class RawPageSource<T>(ConduitClient client, ApiRequest first, JsonTypeInfo<IList<T>> items) : MistPageSource<T>, IMistNumberedPageSource<T>
{
    /// <inheritdoc />
    public ConduitClient Client => client;

    /// <inheritdoc />
    public override async Task<MistPage<T>?> GetPageAsync(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        var (request, number) = Next(previous);
        return request is null ? null : Read(await client.SendAsync(request, cancellationToken).ConfigureAwait(false), number);
    }

    /// <inheritdoc />
    public override MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        var (request, number) = Next(previous);
        return request is null ? null : Read(client.Send(request, cancellationToken), number);
    }

    /// <inheritdoc />
    public async Task<MistPage<T>> GetPageNumberAsync(long number, CancellationToken cancellationToken) =>
        Read(await client.SendAsync(WithPage(first, number), cancellationToken).ConfigureAwait(false), number);

    private (ApiRequest? Request, long? Number) Next(MistPage<T>? previous)
    {
        if (previous is null)
        {
            var requested = first.Query.LastOrDefault(q => q.Key == "page").Value;
            return (first, long.TryParse(requested, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null);
        }

        if (!string.IsNullOrEmpty(previous.NextLink))
        {
            return (new ApiRequest(HttpMethod.Get, previous.NextLink), null);
        }

        return MistPageReader.NextNumber(previous) is { } next ? (WithPage(first, next), next) : (null, null);
    }

    private MistPage<T> Read(ApiResponse response, long? number) =>
        MistPageReader.IsArray(response) || response.Content.IsEmpty
            ? MistPageReader.ReadArray(response, number, items)
            : MistPageReader.ReadEnvelope(response, items);

    /// <summary>A copy of <paramref name="request"/> asking for page <paramref name="number"/>.</summary>
    internal static ApiRequest WithPage(ApiRequest request, long number)
    {
        var copy = new ApiRequest(request.Method, request.Path)
        {
            Body = request.Body,
            ThrowOnErrorStatus = request.ThrowOnErrorStatus,
            RetryUnsafeMethod = request.RetryUnsafeMethod,
        };
        foreach (var (name, value) in request.Query)
        {
            if (name != "page")
            {
                copy.WithQuery(name, value);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            copy.WithHeader(name, value);
        }

        return copy.WithQuery("page", number);
    }
}
