namespace Conduit.Mist.Paging;

/// <summary>A page source over pages held in memory (the pageables' <c>FromPages</c> test doubles).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class FixedPageSource<T>(IEnumerable<MistPage<T>> pages) : MistPageSource<T>
{
    private readonly IReadOnlyList<MistPage<T>> pages = [.. pages];

    /// <inheritdoc />
    public override Task<MistPage<T>?> GetPageAsync(MistPage<T>? previous, CancellationToken cancellationToken)
        => Task.FromResult(GetPage(previous, cancellationToken));

    /// <inheritdoc />
    public override MistPage<T>? GetPage(MistPage<T>? previous, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var next = previous is null ? 0 : IndexOf(previous) + 1;
        return next < pages.Count ? pages[next] : null;
    }

    private int IndexOf(MistPage<T> page)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            if (ReferenceEquals(pages[i], page))
            {
                return i;
            }
        }

        return pages.Count;
    }
}
