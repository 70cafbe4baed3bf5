using System.Collections.Concurrent;

namespace Conduit.Sandbox.Auth;

/// <summary>
/// Mist-style hourly quotas: each key (a token, or a session user) may make
/// <see cref="Budget"/> calls in an hour that starts at its first call.
/// </summary>
internal sealed class QuotaTracker(int budget, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    public int Budget { get; } = budget;

    public QuotaResult Consume(string key)
    {
        var bucket = buckets.GetOrAdd(key, static _ => new Bucket());
        var now = time.GetUtcNow();
        lock (bucket)
        {
            if (bucket.Used == 0 || now >= bucket.Start + Window)
            {
                bucket.Start = now;
                bucket.Used = 0;
            }

            var reset = bucket.Start + Window;
            if (bucket.Used >= Budget)
            {
                return new QuotaResult(false, 0, reset - now, reset);
            }

            bucket.Used++;
            return new QuotaResult(true, Budget - bucket.Used, reset - now, reset);
        }
    }

    public void Reset() => buckets.Clear();

    private sealed class Bucket
    {
        public DateTimeOffset Start { get; set; }

        public int Used { get; set; }
    }
}

/// <summary>The outcome of drawing one call from a quota.</summary>
internal readonly record struct QuotaResult(bool Allowed, int Remaining, TimeSpan UntilReset, DateTimeOffset ResetAt);
