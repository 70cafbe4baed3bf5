using System.Globalization;
using Conduit.Http.Resilience;

namespace Conduit.Http.RateLimiting;

/// <summary>
/// Remembers what the server said about its rate limit and holds further sends of one client until the
/// server's reset time; reports when the remaining quota runs low.
/// </summary>
internal sealed class ServerRateLimitGate(ServerRateLimitOptions options, TimeProvider timeProvider)
{
    private long _resumeAtUtcTicks;

    /// <summary>The last <c>X-RateLimit-Remaining</c> the server sent, or -1.</summary>
    public long LastRemaining { get; private set; } = -1;

    /// <summary>How long a send must wait before the server's reset time, or zero.</summary>
    public TimeSpan CurrentWait
    {
        get
        {
            var resumeAt = Interlocked.Read(ref _resumeAtUtcTicks);
            if (resumeAt == 0)
            {
                return TimeSpan.Zero;
            }

            var wait = TimeSpan.FromTicks(resumeAt - timeProvider.GetUtcNow().UtcTicks);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>Reads rate-limit headers from a response.</summary>
    /// <returns>The remaining quota when it is at or below the warning threshold, else <see langword="null"/>.</returns>
    public long? Observe(ApiResponse response, TimeSpan? retryAfter)
    {
        long? lowQuota = null;
        if (long.TryParse(response.GetHeader("X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            LastRemaining = remaining;
            if (remaining <= options.LowQuotaWarningThreshold)
            {
                lowQuota = remaining;
            }

            var now = timeProvider.GetUtcNow();
            if (remaining <= 0 && options.PauseOnServerSignal && RetryAfterParser.TryParseReset(response.GetHeader("X-RateLimit-Reset"), now, out var untilReset))
            {
                PauseUntil(AddClamped(now, untilReset));
            }
        }

        if ((int)response.StatusCode == 429 && retryAfter is { } delay && options.PauseOnServerSignal)
        {
            PauseUntil(AddClamped(timeProvider.GetUtcNow(), delay));
        }

        return lowQuota;
    }

    /// <summary><paramref name="now"/> plus <paramref name="delay"/>, held at <see cref="DateTimeOffset.MaxValue"/> rather than overflowing.</summary>
    private static DateTimeOffset AddClamped(DateTimeOffset now, TimeSpan delay) =>
        delay >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + delay;

    private void PauseUntil(DateTimeOffset resumeAt)
    {
        var ticks = resumeAt.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _resumeAtUtcTicks);
            if (current >= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _resumeAtUtcTicks, ticks, current) != current);
    }
}
