using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>
/// Pages a list whose body is a JSON array, by the <c>page</c> query parameter: page <c>n + 1</c> is
/// fetched while <c>n × X-Page-Limit &lt; X-Page-Total</c>. Without the headers, the first page is the only one.
/// Any page can be fetched by number, so the pageables fetch the rest concurrently once the total is known.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class PageHeaderSource<T>(ConduitClient client, Func<long?, ApiRequest> request, long? firstPage, JsonTypeInfo<IList<T>> items)
    : MistPageSource<T>, IMistNumberedPageSource<T>
{
    /// <inheritdoc />
    public ConduitClient Client => client;

    /// <inheritdoc />
    public override async Task<MistPage<T>?> GetPageAsync(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        if (!TryNext(previous, out var page))
        {
            return null;
        }

        var response = await client.SendAsync(request(page), cancellationToken).ConfigureAwait(false);
        return MistPageReader.ReadArray(response, page, items);
    }

    /// <inheritdoc />
    public override MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        if (!TryNext(previous, out var page))
        {
            return null;
        }

        return MistPageReader.ReadArray(client.Send(request(page), cancellationToken), page, items);
    }

    /// <inheritdoc />
    public async Task<MistPage<T>> GetPageNumberAsync(long number, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request(number), cancellationToken).ConfigureAwait(false);
        return MistPageReader.ReadArray(response, number, items);
    }

    private bool TryNext(MistPage<T>? previous, out long? page)
    {
        if (previous is null)
        {
            page = firstPage;
            return true;
        }

        page = MistPageReader.NextNumber(previous);
        return page is not null;
    }
}
