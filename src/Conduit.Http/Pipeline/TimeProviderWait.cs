namespace Conduit.Http;

/// <summary>Blocking waits for the synchronous API that still honour a fake <see cref="TimeProvider"/>.</summary>
internal static class TimeProviderWait
{
    /// <summary>Blocks the calling thread for <paramref name="delay"/> on <paramref name="timeProvider"/>'s clock.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Wait(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        if (timeProvider == TimeProvider.System)
        {
            cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        using var elapsed = new ManualResetEventSlim();
        using var timer = timeProvider.CreateTimer(static s => ((ManualResetEventSlim)s!).Set(), elapsed, delay, Timeout.InfiniteTimeSpan);
        elapsed.Wait(cancellationToken);
    }
}
