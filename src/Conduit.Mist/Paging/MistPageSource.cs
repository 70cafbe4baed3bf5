namespace Conduit.Mist.Paging;

/// <summary>
/// Fetches the pages of one Mist list operation, one after another. The pageables enumerate a source;
/// <see cref="MistPaging"/> makes the two Mist flavours (numbered pages with <c>X-Page-*</c> headers, and
/// <c>next</c> links in a search envelope). Derive from it for a test double or another paging scheme.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class MistPageSource<T>
{
    /// <summary>Fetches the first page (<paramref name="previous"/> null) or the page after <paramref name="previous"/>; null when there is none.</summary>
    /// <param name="previous">The page fetched last, or null for the first.</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    public abstract Task<MistPage<T>?> GetPageAsync(MistPage<T>? previous, CancellationToken cancellationToken);

    /// <summary>The synchronous form of <see cref="GetPageAsync"/>.</summary>
    /// <param name="previous">The page fetched last, or null for the first.</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    public abstract MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken);
}
