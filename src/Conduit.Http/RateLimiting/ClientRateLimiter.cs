using System.Threading.RateLimiting;

namespace Conduit.Http.RateLimiting;

/// <summary>
/// The client-side token bucket: a <see cref="TokenBucketRateLimiter"/> whose replenishment is driven by a
/// <see cref="TimeProvider"/> timer, so tests control it with a fake clock.
/// </summary>
internal sealed class ClientRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;
    private readonly ITimer _replenishTimer;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly int _queueLimit;
    private int _blockedWaiters;

    public ClientRateLimiter(RateLimitOptions options, TimeProvider timeProvider)
    {
        _window = options.Window;
        _timeProvider = timeProvider;
        _queueLimit = options.QueueLimit;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.EffectiveBurst,
            TokensPerPeriod = options.RequestsPerWindow,
            ReplenishmentPeriod = options.Window,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        });
        _replenishTimer = timeProvider.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), _limiter, options.Window, options.Window);
    }

    /// <summary>Tokens available now.</summary>
    public long AvailableTokens => _limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Takes a token if one is free, without waiting.</summary>
    public bool TryAcquireNow()
    {
        using var lease = _limiter.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    /// <summary>Waits in the queue for a token.</summary>
    /// <returns><see langword="true"/> once acquired; <see langword="false"/> when the queue is full.</returns>
    public async ValueTask<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    /// <summary>Blocks the calling thread until a token is free (polling once per window, the bucket's own cadence).</summary>
    /// <returns><see langword="true"/> once acquired; <see langword="false"/> when more than the queue limit are waiting.</returns>
    public bool Acquire(CancellationToken cancellationToken)
    {
        if (TryAcquireNow())
        {
            return true;
        }

        var queued = _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;
        if (Interlocked.Increment(ref _blockedWaiters) + queued > _queueLimit)
        {
            Interlocked.Decrement(ref _blockedWaiters);
            return false;
        }

        try
        {
            while (!TryAcquireNow())
            {
                TimeProviderWait.Wait(_timeProvider, _window, cancellationToken);
            }

            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _blockedWaiters);
        }
    }

    public void Dispose()
    {
        _replenishTimer.Dispose();
        _limiter.Dispose();
    }
}
