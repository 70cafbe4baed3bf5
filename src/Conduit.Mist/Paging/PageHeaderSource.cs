using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>
/// Pages a list whose body is a JSON array, by the <c>page</c> query parameter: page <c>n + 1</c> is
/// fetched while <c>n × X-Page-Limit &lt; X-Page-Total</c>. Without the headers, the first page is the only one.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class PageHeaderSource<T>(ConduitClient client, Func<long?, ApiRequest> request, long? firstPage, JsonTypeInfo<IList<T>> items)
    : MistPageSource<T>
{
    /// <inheritdoc />
    public override async Task<MistPage<T>?> GetPageAsync(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        if (!TryNext(previous, out var page))
        {
            return null;
        }

        var response = await client.SendAsync(request(page), cancellationToken).ConfigureAwait(false);
        return Read(response, page);
    }

    /// <inheritdoc />
    public override MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        if (!TryNext(previous, out var page))
        {
            return null;
        }

        return Read(client.Send(request(page), cancellationToken), page);
    }

    private bool TryNext(MistPage<T>? previous, out long? page)
    {
        if (previous is null)
        {
            page = firstPage;
            return true;
        }

        page = null;
        if (previous.Total is not { } total || previous.Limit is not { } limit || limit <= 0 || previous.PageNumber is not { } number || previous.Items.Count == 0)
        {
            return false;
        }

        page = number + 1;
        return (long)number * limit < total;
    }

    private MistPage<T> Read(ApiResponse response, long? requested)
    {
        var headers = MistPageHeaders.Read(response);
        var values = response.Content.IsEmpty ? null : response.ReadAs(items);
        var pageNumber = headers.Page ?? (int?)requested ?? (headers.Total is null ? null : 1);
        return new MistPage<T>(values is null ? [] : [.. values], response, pageNumber, headers.Limit, headers.Total);
    }
}
