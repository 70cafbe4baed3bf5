using System.Threading.RateLimiting;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>Forwards to another limiter and counts synchronous and asynchronous acquisitions.</summary>
internal sealed class CountingRateLimiter(RateLimiter inner) : RateLimiter
{
    private long synchronous;
    private long asynchronous;

    /// <summary>Calls of <see cref="RateLimiter.AttemptAcquire"/> (for the Redis limiter, each a blocking round trip).</summary>
    public long Synchronous => Interlocked.Read(ref synchronous);

    /// <summary>Calls of <see cref="RateLimiter.AcquireAsync"/>.</summary>
    public long Asynchronous => Interlocked.Read(ref asynchronous);

    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Increment(ref synchronous);
        return inner.AttemptAcquire(permitCount);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref asynchronous);
        return inner.AcquireAsync(permitCount, cancellationToken);
    }
}
