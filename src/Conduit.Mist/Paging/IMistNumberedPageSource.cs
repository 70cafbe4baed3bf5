using Conduit.Http;

namespace Conduit.Mist.Paging;

/// <summary>A page source that can fetch any page by number, so the pageables can fetch pages concurrently.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface IMistNumberedPageSource<T>
{
    /// <summary>The client the pages are fetched with (its rate limiter applies to every page).</summary>
    ConduitClient Client { get; }

    /// <summary>Fetches page <paramref name="number"/> (1-based).</summary>
    Task<MistPage<T>> GetPageNumberAsync(long number, CancellationToken cancellationToken);
}
