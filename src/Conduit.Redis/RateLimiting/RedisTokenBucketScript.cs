using StackExchange.Redis;

namespace Conduit.Redis.RateLimiting;

/// <summary>
/// The Lua script that takes permits from a bucket atomically. State: a hash with <c>tokens</c> and <c>ts</c> (the time,
/// in microseconds, of the last whole refill). Each call adds <c>rate</c> tokens per whole window elapsed since
/// <c>ts</c> (capped at the capacity), then takes the permits if there are enough, else returns how long until there
/// will be. The key expires once a full refill would have happened anyway, so idle buckets cost nothing.
/// </summary>
internal static class RedisTokenBucketScript
{
    /// <summary>KEYS[1] bucket; ARGV: capacity, tokens per window, window (µs), permits, now (µs, or -1 for Redis TIME).</summary>
    public const string Source = """
        if redis.replicate_commands then redis.replicate_commands() end
        local capacity = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local window = tonumber(ARGV[3])
        local permits = tonumber(ARGV[4])
        local now = tonumber(ARGV[5])
        if now < 0 then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        end
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
        local tokens = tonumber(state[1])
        local ts = tonumber(state[2])
        if tokens == nil or ts == nil then
          tokens = capacity
          ts = now
        end
        if now > ts then
          local periods = math.floor((now - ts) / window)
          if periods > 0 then
            tokens = math.min(capacity, tokens + periods * rate)
            ts = ts + periods * window
          end
        end
        local granted = 0
        local wait = 0
        if tokens >= permits then
          tokens = tokens - permits
          granted = 1
        else
          local periods = math.ceil((permits - tokens) / rate)
          wait = ts + periods * window - now
          if wait < 1 then wait = 1 end
        end
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', ts)
        redis.call('PEXPIRE', KEYS[1], math.ceil((math.ceil(capacity / rate) + 1) * window / 1000))
        return { granted, tokens, wait }
        """;

    public static RedisValue[] Arguments(int capacity, int rate, TimeSpan window, int permits, long nowMicros) =>
        [capacity, rate, (long)(window.Ticks / 10), permits, nowMicros];

    public static (bool Granted, long Tokens, TimeSpan Wait) Parse(RedisResult result)
    {
        var values = (RedisResult[])result!;
        return ((long)values[0] == 1, (long)values[1], TimeSpan.FromTicks((long)values[2] * 10));
    }
}
