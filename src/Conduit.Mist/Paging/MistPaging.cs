using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>Makes the page sources of the generated list operations; all Mist paging rules live in this folder.</summary>
internal static class MistPaging
{
    /// <summary>Pages by the <c>page</c> query parameter and the <c>X-Page-*</c> headers.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="request">Builds the request for a page number (null: the service's first page).</param>
    /// <param name="firstPage">The page to start at (the caller's <c>page</c> argument).</param>
    /// <param name="items">The metadata of the JSON array body.</param>
    public static MistPageSource<T> ByPageHeaders<T>(ConduitClient client, Func<long?, ApiRequest> request, long? firstPage, JsonTypeInfo<IList<T>> items)
        => new PageHeaderSource<T>(client, request, firstPage, items);

    /// <summary>Pages by the <c>next</c> link of a search envelope.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="first">The first page's request.</param>
    /// <param name="items">The metadata of the <c>results</c> array.</param>
    public static MistPageSource<T> ByNextLink<T>(ConduitClient client, ApiRequest first, JsonTypeInfo<IList<T>> items)
        => new NextLinkSource<T>(client, first, items);
}
