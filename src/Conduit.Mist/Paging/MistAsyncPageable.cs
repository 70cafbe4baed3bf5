using System.Runtime.CompilerServices;

namespace Conduit.Mist.Paging;

/// <summary>
/// The items of a paged Mist list, fetched page by page as they are enumerated
/// (<c>await foreach (var site in mist.Orgs.Sites.ListAsync(orgId))</c>); <see cref="AsPages"/> gives the
/// pages with their raw responses. Nothing is sent until enumeration starts; each enumeration starts over.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class MistAsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly MistPageSource<T> source;
    private readonly CancellationToken cancellationToken;

    /// <summary>Creates a pageable over <paramref name="source"/>.</summary>
    /// <param name="source">Fetches the pages.</param>
    /// <param name="cancellationToken">Cancels every page fetch (combined with the enumerator's token).</param>
    public MistAsyncPageable(MistPageSource<T> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Creates a pageable without a source, for mocking.</summary>
    protected MistAsyncPageable() => source = null!;

    /// <summary>A pageable over fixed pages, for test doubles.</summary>
    /// <param name="pages">The pages, in order.</param>
    public static MistAsyncPageable<T> FromPages(IEnumerable<MistPage<T>> pages) => new(new FixedPageSource<T>(pages));

    /// <summary>The pages in order, each fetched when the previous one has been consumed.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual async IAsyncEnumerable<MistPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(this.cancellationToken, cancellationToken);
        MistPage<T>? page = null;
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
