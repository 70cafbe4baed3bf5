using Conduit.Http.RateLimiting;

namespace Conduit.Redis.RateLimiting;

/// <summary>
/// A token bucket shared through Redis: <see cref="RequestsPerWindow"/> tokens are added every <see cref="Window"/>, up
/// to <see cref="Burst"/>. Every limiter with the same <see cref="Key"/> on the same Redis shares one budget.
/// </summary>
public sealed class RedisTokenBucketOptions
{
    /// <summary>The Redis key of the bucket (a hash). Limiters with the same key share the budget.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Tokens added per window. Default 10.</summary>
    public int RequestsPerWindow { get; set; } = 10;

    /// <summary>The refill window. Default 1 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket size; the same as <see cref="RequestsPerWindow"/> when 0.</summary>
    public int Burst { get; set; }

    /// <summary>How many callers of this instance may wait for a token; more are refused at once. Default 10,000.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>Whose clock refills the bucket. Default <see cref="RedisClock.Server"/>.</summary>
    public RedisClock Clock { get; set; } = RedisClock.Server;

    /// <summary>The clock for waits, the failure back-off and (with <see cref="RedisClock.Caller"/>) refills. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>What happens while Redis is unreachable. Default <see cref="RedisFailureMode.FailClosed"/>.</summary>
    public RedisFailureMode FailureMode { get; set; } = RedisFailureMode.FailClosed;

    /// <summary>
    /// The local bucket used with <see cref="RedisFailureMode.FallbackToLocal"/>; when null, the shared rate itself
    /// (give each of N processes a 1/N share to stay under the quota while Redis is down).
    /// </summary>
    public RateLimitOptions? FallbackRateLimit { get; set; }

    /// <summary>After Redis fails, how long the limiter stays on its failure mode before trying Redis again. Default 1 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal int EffectiveBurst => Burst > 0 ? Burst : RequestsPerWindow;

    /// <summary>Returns every problem with the options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Key))
        {
            errors.Add("Redis token bucket: Key is required.");
        }

        if (RequestsPerWindow <= 0)
        {
            errors.Add($"Redis token bucket: RequestsPerWindow must be positive, but was {RequestsPerWindow}.");
        }

        if (Window < TimeSpan.FromMilliseconds(1))
        {
            errors.Add($"Redis token bucket: Window must be at least 1 ms, but was {Window}.");
        }

        if (Burst < 0)
        {
            errors.Add($"Redis token bucket: Burst must be 0 (same as RequestsPerWindow) or more, but was {Burst}.");
        }

        if (QueueLimit < 0)
        {
            errors.Add($"Redis token bucket: QueueLimit must be 0 or more, but was {QueueLimit}.");
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            errors.Add($"Redis token bucket: RetryInterval must be positive, but was {RetryInterval}.");
        }

        if (TimeProvider is null)
        {
            errors.Add("Redis token bucket: TimeProvider is required.");
        }

        return errors;
    }

    internal RedisTokenBucketOptions Clone() => (RedisTokenBucketOptions)MemberwiseClone();
}
