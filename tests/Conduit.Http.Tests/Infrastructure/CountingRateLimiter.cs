using System.Threading.RateLimiting;

namespace Conduit.Http.Tests.Infrastructure;

/// <summary>A limiter that counts how it is asked for permits and passes every request on to another.</summary>
public sealed class CountingRateLimiter(RateLimiter inner) : RateLimiter
{
    private int _attempts;
    private int _asyncAcquisitions;

    public int Attempts => _attempts;

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
