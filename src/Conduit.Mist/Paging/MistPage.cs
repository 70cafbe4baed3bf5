using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>One page of a Mist list: its items, the raw response, and what the service said about the rest.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MistPage<T>
{
    /// <summary>Creates a page; used by the page sources and by test doubles.</summary>
    /// <param name="items">The items of this page.</param>
    /// <param name="rawResponse">The response the page was read from (null for a test double).</param>
    /// <param name="pageNumber">The 1-based page number, when the list pages by number.</param>
    /// <param name="limit">The page size the service applied, when known.</param>
    /// <param name="total">The total number of items across pages, when the service gives it.</param>
    /// <param name="nextLink">The relative URL of the next page, when the list pages by link.</param>
    public MistPage(IReadOnlyList<T> items, ApiResponse? rawResponse = null, int? pageNumber = null, int? limit = null, long? total = null, string? nextLink = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        RawResponse = rawResponse;
        PageNumber = pageNumber;
        Limit = limit;
        Total = total;
        NextLink = nextLink;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The response the page was read from: status, headers, elapsed time (null for a test double).</summary>
    public ApiResponse? RawResponse { get; }

    /// <summary>The 1-based page number (<c>X-Page-Page</c> or the requested page), when the list pages by number.</summary>
    public int? PageNumber { get; }

    /// <summary>The page size (<c>X-Page-Limit</c> or the envelope's <c>limit</c>), when known.</summary>
    public int? Limit { get; }

    /// <summary>The total number of items (<c>X-Page-Total</c> or the envelope's <c>total</c>), when known.</summary>
    public long? Total { get; }

    /// <summary>The relative URL of the next page (the envelope's <c>next</c>), when the list pages by link.</summary>
    public string? NextLink { get; }
}
