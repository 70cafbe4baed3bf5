using System.Globalization;
using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>Mist's paging headers: <c>X-Page-Total</c>, <c>X-Page-Limit</c> and <c>X-Page-Page</c>.</summary>
/// <param name="Total">The total number of items, when sent.</param>
/// <param name="Limit">The page size, when sent.</param>
/// <param name="Page">The 1-based page number, when sent.</param>
internal readonly record struct MistPageHeaders(long? Total, int? Limit, int? Page)
{
    /// <summary>The total header.</summary>
    public const string TotalHeader = "X-Page-Total";

    /// <summary>The page-size header.</summary>
    public const string LimitHeader = "X-Page-Limit";

    /// <summary>The page-number header.</summary>
    public const string PageHeader = "X-Page-Page";

    /// <summary>The largest total accepted (a larger one is taken as malformed).</summary>
    private const long MaxTotal = int.MaxValue * 1024L;

    /// <summary>
    /// Reads the headers of <paramref name="response"/>; a missing or malformed header is null, and so is a page size or
    /// page number past <see cref="int.MaxValue"/> (never wrapped to a negative number).
    /// </summary>
    public static MistPageHeaders Read(ApiResponse response)
        => new(Number(response, TotalHeader, MaxTotal), (int?)Number(response, LimitHeader, int.MaxValue), (int?)Number(response, PageHeader, int.MaxValue));

    private static long? Number(ApiResponse response, string name, long max)
        => response.GetHeader(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= max
            ? value
            : null;
}
