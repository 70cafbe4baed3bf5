using System.Threading.RateLimiting;

namespace Conduit.Tests.Support;

/// <summary>
/// A limiter that counts how it is asked for permits (blocking <see cref="RateLimiter.AttemptAcquire"/> or
/// <see cref="RateLimiter.AcquireAsync"/>) and passes every request on to another, which it disposes. Compiled into
/// the test projects that need it (Conduit.Http.Tests, Conduit.Chaos.Tests).
/// </summary>
public sealed class CountingRateLimiter(RateLimiter inner) : RateLimiter
{
    private int _attempts;
    private int _asyncAcquisitions;

    /// <summary>Calls of <see cref="RateLimiter.AttemptAcquire"/> (for the Redis limiter, each a blocking round trip).</summary>
    public int Attempts => _attempts;

    /// <summary>Calls of <see cref="RateLimiter.AcquireAsync"/>.</summary>
    public int AsyncAcquisitions => _asyncAcquisitions;

    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Increment(ref _attempts);
        return inner.AttemptAcquire(permitCount);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asyncAcquisitions);
        return inner.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
