using System.Threading.RateLimiting;

namespace Conduit.Mist.Sessions;

/// <summary>
/// The session's per-token budget as the HTTP core's client-side limiter: a call waits here (before its attempt,
/// outside the attempt timeout) until some token has budget left. The call is charged to a token when it is sent.
/// </summary>
internal sealed class MistTokenBudgetLimiter(MistTokenPool pool, TimeProvider time) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = pool.TotalRemaining(),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        pool.HasBudget(out var wait) ? BudgetLease.Acquired : new BudgetLease(wait);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (!pool.HasBudget(out var wait))
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        return BudgetLease.Acquired;
    }

    private sealed class BudgetLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly BudgetLease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
