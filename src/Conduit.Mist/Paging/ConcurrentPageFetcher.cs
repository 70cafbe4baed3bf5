using System.Runtime.CompilerServices;

namespace Conduit.Mist.Paging;

/// <summary>
/// Fetches pages <c>first..last</c> of a numbered list with at most <c>concurrency</c> requests in flight and yields
/// them in order. Memory stays bounded by the pages in flight. A failed page ends the enumeration with its own
/// exception (nothing of it is yielded); leaving early or cancelling cancels the fetches still running.
/// </summary>
internal static class ConcurrentPageFetcher
{
    public static async IAsyncEnumerable<MistPage<T>> FetchAsync<T>(
        IMistNumberedPageSource<T> source,
        long first,
        long last,
        int concurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<MistPage<T>>>(concurrency);
        var next = first;
        try
        {
            while (inFlight.Count > 0 || next <= last)
            {
                while (inFlight.Count < concurrency && next <= last)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    inFlight.Enqueue(source.GetPageNumberAsync(next++, stop.Token));
                }

                var page = await inFlight.Dequeue().ConfigureAwait(false);
                yield return page;
                if (page.Items.Count == 0)
                {
                    // The list shrank while it was paged: nothing lies beyond an empty page.
                    yield break;
                }
            }
        }
        finally
        {
            if (inFlight.Count > 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
