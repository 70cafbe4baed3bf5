using System.Collections;

namespace Conduit.Mist.Paging;

/// <summary>
/// The synchronous form of <see cref="MistAsyncPageable{T}"/>: the items of a paged Mist list, fetched
/// page by page with synchronous HTTP calls as they are enumerated; <see cref="AsPages"/> gives the pages.
/// Synchronous paging fetches one page after another (no thread is blocked for pages fetched ahead); use
/// <see cref="MistAsyncPageable{T}"/> for concurrent fetching.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class MistPageable<T> : IEnumerable<T>
{
    private readonly MistPageSource<T> source;
    private readonly CancellationToken cancellationToken;

    /// <summary>Creates a pageable over <paramref name="source"/>.</summary>
    /// <param name="source">Fetches the pages.</param>
    /// <param name="cancellationToken">Cancels every page fetch.</param>
    public MistPageable(MistPageSource<T> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Creates a pageable without a source, for mocking.</summary>
    protected MistPageable() => source = null!;

    /// <summary>A pageable over fixed pages, for test doubles.</summary>
    /// <param name="pages">The pages, in order.</param>
    public static MistPageable<T> FromPages(IEnumerable<MistPage<T>> pages) => new(new FixedPageSource<T>(pages));

    /// <summary>The pages in order, each fetched when the previous one has been consumed.</summary>
    public virtual IEnumerable<MistPage<T>> AsPages()
    {
        MistPage<T>? page = null;
        while ((page = source.GetPage(page, cancellationToken)) is not null)
        {
            yield return page;
        }
    }

    /// <summary>
    /// Fetches the first page (<paramref name="previous"/> null) or the page after <paramref name="previous"/>; null after the last.
    /// This is seed 2's <c>get_next</c>.
    /// </summary>
    /// <param name="previous">The page fetched last, or null.</param>
    public virtual MistPage<T>? GetNextPage(MistPage<T>? previous = null) => source.GetPage(previous, cancellationToken);

    /// <summary>Every item of every page, in order (seed 2's <c>get_all</c>), fetched one page after another.</summary>
    public virtual IReadOnlyList<T> GetAll()
    {
        List<T>? all = null;
        foreach (var page in AsPages())
        {
            all ??= new List<T>(MistPageReader.ExpectedItems(page));
            all.AddRange(page.Items);
        }

        return all ?? [];
    }

    /// <inheritdoc />
    public virtual IEnumerator<T> GetEnumerator() => AsPages().SelectMany(page => page.Items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
