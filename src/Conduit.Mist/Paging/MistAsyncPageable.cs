using System.Runtime.CompilerServices;
using Conduit.Mist.Sessions;

namespace Conduit.Mist.Paging;

/// <summary>
/// The items of a paged Mist list, fetched page by page as they are enumerated
/// (<c>await foreach (var site in mist.Orgs.Sites.ListAsync(orgId))</c>); <see cref="AsPages"/> gives the
/// pages with their raw responses. Nothing is sent until enumeration starts; each enumeration starts over.
/// </summary>
/// <remarks>
/// When the first page of a numbered list gives the total (<c>X-Page-Total</c>), the remaining pages are fetched
/// concurrently — at most <see cref="MaxConcurrency"/> at once, each through the client's rate limiter — and still
/// yielded in order, each item once. A failed page throws its typed <see cref="Conduit.Http.ApiException"/>; stopping
/// the enumeration or cancelling stops further fetches.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public class MistAsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly MistPageSource<T> source;
    private readonly CancellationToken cancellationToken;
    private readonly int? maxConcurrency;

    /// <summary>Creates a pageable over <paramref name="source"/>.</summary>
    /// <param name="source">Fetches the pages.</param>
    /// <param name="cancellationToken">Cancels every page fetch (combined with the enumerator's token).</param>
    public MistAsyncPageable(MistPageSource<T> source, CancellationToken cancellationToken = default)
        : this(source, cancellationToken, null)
    {
    }

    /// <summary>Creates a pageable without a source, for mocking.</summary>
    protected MistAsyncPageable() => source = null!;

    private MistAsyncPageable(MistPageSource<T> source, CancellationToken cancellationToken, int? maxConcurrency)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        this.cancellationToken = cancellationToken;
        this.maxConcurrency = maxConcurrency;
    }

    /// <summary>
    /// How many pages are fetched at once once the total is known: the value given to <see cref="WithMaxConcurrency"/>,
    /// else the session's <c>PageConcurrency</c> when the client is a session's, else <see cref="MistPagingDefaults.MaxConcurrency"/>.
    /// </summary>
    public virtual int MaxConcurrency => maxConcurrency
        ?? (source is IMistNumberedPageSource<T> { Client: MistSessionClient session } ? session.State.PageConcurrency : MistPagingDefaults.MaxConcurrency);

    /// <summary>A pageable over fixed pages, for test doubles.</summary>
    /// <param name="pages">The pages, in order.</param>
    public static MistAsyncPageable<T> FromPages(IEnumerable<MistPage<T>> pages) => new(new FixedPageSource<T>(pages));

    /// <summary>The same list fetched with at most <paramref name="maxConcurrency"/> pages at once (1: one after another).</summary>
    /// <param name="maxConcurrency">From 1 to <see cref="MistPagingDefaults.MaxConcurrencyLimit"/>.</param>
    public virtual MistAsyncPageable<T> WithMaxConcurrency(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxConcurrency, MistPagingDefaults.MaxConcurrencyLimit);
        return new MistAsyncPageable<T>(source, cancellationToken, maxConcurrency);
    }

    /// <summary>
    /// Fetches the first page (<paramref name="previous"/> null) or the page after <paramref name="previous"/>; null after the last.
    /// This is seed 2's <c>get_next</c>.
    /// </summary>
    /// <param name="previous">The page fetched last, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<MistPage<T>?> GetNextPageAsync(MistPage<T>? previous = null, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(this.cancellationToken, cancellationToken);
        return await source.GetPageAsync(previous, linked.Token).ConfigureAwait(false);
    }

    /// <summary>Every item of every page, in order (seed 2's <c>get_all</c>); pages are fetched concurrently when the total is known.</summary>
    /// <param name="cancellationToken">Cancels the remaining fetches.</param>
    public virtual async Task<IReadOnlyList<T>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        List<T>? all = null;
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            all ??= new List<T>(MistPageReader.ExpectedItems(page));
            all.AddRange(page.Items);
        }

        return all ?? [];
    }

    /// <summary>The pages in order; once the first page gives the total, the rest are fetched concurrently.</summary>
    /// <param name="cancellationToken">Cancels the enumeration and every fetch in flight.</param>
    public virtual async IAsyncEnumerable<MistPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(this.cancellationToken, cancellationToken);
        var page = await source.GetPageAsync(null, linked.Token).ConfigureAwait(false);
        if (page is null)
        {
            yield break;
        }

        yield return page;
        if (source is IMistNumberedPageSource<T> numbered && MaxConcurrency > 1
            && page.NextLink is null && MistPageReader.LastNumber(page) is { } last && page.PageNumber is { } number && last > number)
        {
            await foreach (var next in ConcurrentPageFetcher.FetchAsync(numbered, number + 1, last, MaxConcurrency, linked.Token).ConfigureAwait(false))
            {
                yield return next;
            }

            yield break;
        }

        while ((page = await source.GetPageAsync(page, linked.Token).ConfigureAwait(false)) is not null)
        {
            yield return page;
        }
    }

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
