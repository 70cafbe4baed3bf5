namespace Conduit.Redis.RateLimiting;

/// <summary>What the shared limiter does while Redis cannot be reached.</summary>
public enum RedisFailureMode
{
    /// <summary>Refuse every permit (the lease carries <c>RetryAfter</c> and a reason): never exceed the shared budget. Default.</summary>
    FailClosed,

    /// <summary>Grant permits from a local token bucket (<see cref="RedisTokenBucketOptions.FallbackRateLimit"/>) until Redis returns.</summary>
    FallbackToLocal,
}
