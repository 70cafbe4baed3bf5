namespace Conduit.Redis.RateLimiting;

/// <summary>Whose clock the shared bucket refills by.</summary>
public enum RedisClock
{
    /// <summary>
    /// The Redis server's <c>TIME</c>, read inside the script (default): every process refills by one clock, so clock
    /// skew between hosts cannot inflate the budget.
    /// </summary>
    Server,

    /// <summary>
    /// The caller's <see cref="RedisTokenBucketOptions.TimeProvider"/>, passed to the script. Use it when every process
    /// shares one clock (tests with a fake clock, or processes on one host); skew between callers lets the bucket refill
    /// early by up to the skew.
    /// </summary>
    Caller,
}
