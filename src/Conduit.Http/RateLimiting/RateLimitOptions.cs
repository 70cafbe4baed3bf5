namespace Conduit.Http.RateLimiting;

/// <summary>
/// A client-side token bucket applied before each attempt is sent: <see cref="RequestsPerWindow"/> tokens are added
/// every <see cref="Window"/>, up to <see cref="Burst"/>. Requests beyond the bucket wait in a queue of
/// <see cref="QueueLimit"/>; beyond that they are rejected with <see cref="RateLimitedException"/>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Tokens added per window. Must be positive.</summary>
    public int RequestsPerWindow { get; set; } = 10;

    /// <summary>The replenishment window. Default 1 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket size: how many requests may go at once after a quiet period. Defaults to <see cref="RequestsPerWindow"/> when 0.</summary>
    public int Burst { get; set; }

    /// <summary>How many requests may wait for a token; more are rejected. Default 10,000.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>Creates options for a rate in requests per second with a burst (seed 4's <c>10 rps, burst 20</c>).</summary>
    public static RateLimitOptions PerSecond(double requestsPerSecond, int burst)
    {
        if (!(requestsPerSecond > 0 && requestsPerSecond <= int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, $"The rate must be a number in (0, {int.MaxValue}] per second.");
        }

        // Whole rates refill every second; fractional ones refill one token every 1/rate seconds.
        return requestsPerSecond == Math.Floor(requestsPerSecond)
            ? new RateLimitOptions { RequestsPerWindow = (int)requestsPerSecond, Window = TimeSpan.FromSeconds(1), Burst = burst }
            : new RateLimitOptions { RequestsPerWindow = 1, Window = TimeSpan.FromSeconds(1 / requestsPerSecond), Burst = burst };
    }

    internal int EffectiveBurst => Burst > 0 ? Burst : RequestsPerWindow;

    internal RateLimitOptions Clone() => (RateLimitOptions)MemberwiseClone();
}
