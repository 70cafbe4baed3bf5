using System.Threading.RateLimiting;
using Conduit.Http.RateLimiting;
using StackExchange.Redis;

namespace Conduit.Redis.RateLimiting;

/// <summary>
/// A token bucket whose state lives in Redis and is updated atomically by one Lua script per acquisition, so any number
/// of limiters (in any number of processes) with the same <see cref="RedisTokenBucketOptions.Key"/> share one budget:
/// over any span <c>t</c> they admit together at most <c>burst + rate × ⌊t / window⌋</c> requests.
/// </summary>
/// <remarks>
/// <para><see cref="RateLimiter.AcquireAsync"/> waits (on the options' clock) for the time the script says the next
/// token needs, then tries again; waiters are not ordered across processes. <see cref="RateLimiter.AttemptAcquire"/>
/// makes one synchronous round trip.</para>
/// <para>When Redis cannot be reached (a connection failure or a timeout) the limiter switches to its
/// <see cref="RedisTokenBucketOptions.FailureMode"/> — refuse every permit, or grant from a local bucket — for
/// <see cref="RedisTokenBucketOptions.RetryInterval"/>, then tries Redis again; the first successful round trip switches
/// back. Configure the connection with <c>AbortOnConnectFail = false</c> (so it reconnects) and
/// <c>BacklogPolicy.FailFast</c> (so calls fail at once rather than queue while disconnected).</para>
/// </remarks>
public sealed class RedisTokenBucketRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new SharedLease(true, null, null);
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisTokenBucketOptions _options;
    private readonly RedisKey _key;
    private readonly TimedTokenBucketRateLimiter? _fallback;
    private long _unavailableUntil = long.MinValue;
    private long _lastTokens = -1;
    private long _successful;
    private long _failed;
    private int _waiting;
    private int _disposed;

    /// <summary>Creates the limiter.</summary>
    /// <param name="redis">The connection (not owned: the caller disposes it).</param>
    /// <param name="options">The bucket; copied and validated.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public RedisTokenBucketRateLimiter(IConnectionMultiplexer redis, RedisTokenBucketOptions options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _redis = redis;
        _options = options.Clone();
        _key = _options.Key;
        if (_options.FailureMode == RedisFailureMode.FallbackToLocal)
        {
            var local = _options.FallbackRateLimit ?? new RateLimitOptions
            {
                RequestsPerWindow = _options.RequestsPerWindow,
                Window = _options.Window,
                Burst = _options.EffectiveBurst,
                QueueLimit = _options.QueueLimit,
            };
            _fallback = new TimedTokenBucketRateLimiter(local, _options.TimeProvider);
        }
    }

    /// <summary>Whether the last round trip to Redis succeeded (false while the failure mode is in force).</summary>
    public bool IsRedisAvailable => _options.TimeProvider.GetTimestamp() >= Volatile.Read(ref _unavailableUntil);

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = Math.Max(0, Interlocked.Read(ref _lastTokens)),
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = Interlocked.Read(ref _failed),
    };

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (TooMany(permitCount) is { } refused)
        {
            return refused;
        }

        if (!IsRedisAvailable)
        {
            return OnUnavailable(permitCount);
        }

        try
        {
            var result = _redis.GetDatabase().ScriptEvaluate(RedisTokenBucketScript.Source, [_key], Arguments(permitCount));
            return Count(Succeeded(result, permitCount).Lease);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            MarkUnavailable();
            return OnUnavailable(permitCount);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (TooMany(permitCount) is { } refused)
        {
            return refused;
        }

        var queued = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsRedisAvailable)
                {
                    return await OnUnavailableAsync(permitCount, cancellationToken).ConfigureAwait(false);
                }

                (RateLimitLease Lease, TimeSpan Wait) outcome;
                try
                {
                    var result = await _redis.GetDatabase().ScriptEvaluateAsync(RedisTokenBucketScript.Source, [_key], Arguments(permitCount)).ConfigureAwait(false);
                    outcome = Succeeded(result, permitCount);
                }
                catch (Exception ex) when (IsUnavailable(ex))
                {
                    MarkUnavailable();
                    continue;
                }

                if (outcome.Lease.IsAcquired || permitCount == 0)
                {
                    return Count(outcome.Lease);
                }

                if (!queued)
                {
                    if (Interlocked.Increment(ref _waiting) > _options.QueueLimit)
                    {
                        Interlocked.Decrement(ref _waiting);
                        return Count(outcome.Lease);
                    }

                    queued = true;
                }

                await Task.Delay(outcome.Wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (queued)
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _fallback?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        return ValueTask.CompletedTask;
    }

    private static bool IsUnavailable(Exception ex) => ex is RedisConnectionException or RedisTimeoutException or TimeoutException;

    private RateLimitLease? TooMany(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        return permitCount > _options.EffectiveBurst
            ? Count(new SharedLease(false, null, $"{permitCount} permits exceed the bucket size {_options.EffectiveBurst}."))
            : null;
    }

    private RedisValue[] Arguments(int permitCount) => RedisTokenBucketScript.Arguments(
        _options.EffectiveBurst, _options.RequestsPerWindow, _options.Window, permitCount,
        _options.Clock == RedisClock.Server ? -1 : _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000);

    private (RateLimitLease Lease, TimeSpan Wait) Succeeded(RedisResult result, int permitCount)
    {
        Volatile.Write(ref _unavailableUntil, long.MinValue);
        var (granted, tokens, wait) = RedisTokenBucketScript.Parse(result);
        Interlocked.Exchange(ref _lastTokens, tokens);
        return granted
            ? (Granted, TimeSpan.Zero)
            : (new SharedLease(false, wait, $"The shared budget '{_options.Key}' has fewer than {permitCount} tokens."), wait);
    }

    private void MarkUnavailable() =>
        Volatile.Write(ref _unavailableUntil, _options.TimeProvider.GetTimestamp() + (long)(_options.RetryInterval.TotalSeconds * _options.TimeProvider.TimestampFrequency));

    private RateLimitLease OnUnavailable(int permitCount) =>
        _fallback is not null ? Count(_fallback.AttemptAcquire(permitCount)) : Count(Closed());

    private async ValueTask<RateLimitLease> OnUnavailableAsync(int permitCount, CancellationToken cancellationToken) =>
        _fallback is not null ? Count(await _fallback.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false)) : Count(Closed());

    private SharedLease Closed() => new(false, _options.RetryInterval, "Redis is unavailable and the limiter fails closed.");

    private RateLimitLease Count(RateLimitLease lease)
    {
        Interlocked.Increment(ref lease.IsAcquired ? ref _successful : ref _failed);
        return lease;
    }

    private sealed class SharedLease(bool acquired, TimeSpan? retryAfter, string? reason) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames
        {
            get
            {
                if (retryAfter is not null)
                {
                    yield return MetadataName.RetryAfter.Name;
                }

                if (reason is not null)
                {
                    yield return MetadataName.ReasonPhrase.Name;
                }
            }
        }

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name && retryAfter is { } after)
            {
                metadata = after;
                return true;
            }

            if (metadataName == MetadataName.ReasonPhrase.Name && reason is not null)
            {
                metadata = reason;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
