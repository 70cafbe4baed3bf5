using System.Threading.RateLimiting;
using Conduit.Http;
using Conduit.Http.Resilience;
using Conduit.Redis.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StackExchange.Redis;

namespace Conduit.Redis.Tests.RateLimiting;

public sealed class RedisTokenBucketRateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RedisTokenBucketOptions Budget(string key, TimeProvider time, int perWindow = 100, int seconds = 10, int burst = 0, int queue = 0) => new()
    {
        Key = key,
        RequestsPerWindow = perWindow,
        Window = TimeSpan.FromSeconds(seconds),
        Burst = burst,
        QueueLimit = queue,
        Clock = RedisClock.Caller,
        TimeProvider = time,
    };

    [Fact]
    public async Task AttemptAcquire_FourInstancesSharingAKey_AdmitExactlyTheBudgetPerWindow()
    {
        using var redis = RedisServer.StartOrSkip();
        var time = new TimerWatchingTimeProvider();
        var connections = Enumerable.Range(0, 4).Select(_ => redis.Connect()).ToArray();
        var limiters = connections.Select(c => new RedisTokenBucketRateLimiter(c, Budget("bucket:shared", time))).ToArray();
        try
        {
            async Task<int> RoundAsync() => (await Task.WhenAll(limiters.Select(l => Task.Run(() =>
                Enumerable.Range(0, 60).Count(_ => { using var lease = l.AttemptAcquire(); return lease.IsAcquired; }), Ct)))).Sum();

            var first = await RoundAsync();
            time.Advance(TimeSpan.FromSeconds(5));
            var halfWindow = await RoundAsync();
            time.Advance(TimeSpan.FromSeconds(5));
            var second = await RoundAsync();
            time.Advance(TimeSpan.FromSeconds(30));
            var afterIdle = await RoundAsync();

            Assert.Equal(100, first);
            Assert.Equal(0, halfWindow);
            Assert.Equal(100, second);
            Assert.Equal(100, afterIdle);
        }
        finally
        {
            Array.ForEach(limiters, static l => l.Dispose());
            Array.ForEach(connections, static c => c.Dispose());
        }
    }

    [Fact]
    public async Task SendAsync_FourClientsSharingRedis_ServerSeesOnlyTheBudget()
    {
        using var redis = RedisServer.StartOrSkip();
        await using var server = await CountingServer.StartAsync(app => app.MapGet("/work", () => Results.Text("done")));
        var time = new TimerWatchingTimeProvider();
        var connections = Enumerable.Range(0, 4).Select(_ => redis.Connect()).ToArray();
        var limiters = connections.Select(c => new RedisTokenBucketRateLimiter(c, Budget("bucket:clients", time))).ToArray();
        var clients = limiters.Select((l, i) =>
        {
            var options = new ConduitClientOptions { Name = "worker-" + i, BaseAddress = server.BaseAddress, Retry = new RetryOptions { MaxRetries = 0 }, RateLimiter = l };
            return new ConduitClient(options);
        }).ToArray();
        try
        {
            async Task<(int Ok, int Refused)> RoundAsync()
            {
                var outcomes = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 40).Select(async _ =>
                {
                    try
                    {
                        await c.GetAsync("work", Ct);
                        return true;
                    }
                    catch (RateLimitedException ex) when (ex.StatusCode is null)
                    {
                        return false;
                    }
                })));
                return (outcomes.Count(static o => o), outcomes.Count(static o => !o));
            }

            var first = await RoundAsync();
            time.Advance(TimeSpan.FromSeconds(10));
            var second = await RoundAsync();

            Assert.Equal((100, 60), first);
            Assert.Equal((100, 60), second);
            Assert.Equal(200, server.Count);
        }
        finally
        {
            Array.ForEach(clients, static c => c.Dispose());
            Array.ForEach(limiters, static l => l.Dispose());
            Array.ForEach(connections, static c => c.Dispose());
        }
    }

    [Fact]
    public void AttemptAcquire_ServerClock_SharesTheBurstAndGivesRetryAfter()
    {
        using var redis = RedisServer.StartOrSkip();
        using var a = redis.Connect();
        using var b = redis.Connect();
        var options = new RedisTokenBucketOptions { Key = "bucket:server-clock", RequestsPerWindow = 1, Window = TimeSpan.FromMinutes(10), Burst = 5, QueueLimit = 0 };
        using var first = new RedisTokenBucketRateLimiter(a, options);
        using var second = new RedisTokenBucketRateLimiter(b, options);

        var granted = Enumerable.Range(0, 8).Count(i => { using var lease = (i % 2 == 0 ? first : second).AttemptAcquire(); return lease.IsAcquired; });
        using var refused = second.AttemptAcquire();

        Assert.Equal(5, granted);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task AcquireAsync_EmptyBucket_WaitsForTheNextRefill()
    {
        using var redis = RedisServer.StartOrSkip();
        using var connection = redis.Connect();
        var time = new TimerWatchingTimeProvider();
        using var limiter = new RedisTokenBucketRateLimiter(connection, Budget("bucket:wait", time, perWindow: 1, seconds: 1, queue: 10));
        using var firstLease = await limiter.AcquireAsync(1, Ct);

        var waiting = limiter.AcquireAsync(1, Ct).AsTask();
        time.WaitForTimers(1);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        time.Advance(TimeSpan.FromSeconds(1));
        using var secondLease = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(firstLease.IsAcquired);
        Assert.True(secondLease.IsAcquired);
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task AcquireAsync_QueueLimitZero_RefusesAtOnceWithRetryAfter()
    {
        using var redis = RedisServer.StartOrSkip();
        using var connection = redis.Connect();
        var time = new TimerWatchingTimeProvider();
        using var limiter = new RedisTokenBucketRateLimiter(connection, Budget("bucket:queue", time, perWindow: 2, seconds: 4));
        (await limiter.AcquireAsync(2, Ct)).Dispose();
        time.Advance(TimeSpan.FromSeconds(1));

        using var lease = await limiter.AcquireAsync(1, Ct);

        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);
    }

    [Fact]
    public void AttemptAcquire_RedisDownFailClosed_RefusesThenRecoversWhenRedisReturns()
    {
        using var redis = RedisServer.StartOrSkip();
        using var connection = redis.Connect();
        var time = new TimerWatchingTimeProvider();
        using var limiter = new RedisTokenBucketRateLimiter(connection, Budget("bucket:closed", time));
        using (var before = limiter.AttemptAcquire())
        {
            Assert.True(before.IsAcquired);
        }

        redis.Kill();
        using var during = limiter.AttemptAcquire();
        var availableDuring = limiter.IsRedisAvailable;
        redis.Restart();
        Assert.True(SpinWait.SpinUntil(() => connection.IsConnected, 15_000), "the connection did not come back");
        using var stillBackingOff = limiter.AttemptAcquire();
        time.Advance(TimeSpan.FromSeconds(1));
        using var after = limiter.AttemptAcquire();

        Assert.False(during.IsAcquired);
        Assert.True(during.TryGetMetadata(MetadataName.ReasonPhrase, out var reason));
        Assert.Equal("Redis is unavailable and the limiter fails closed.", reason);
        Assert.False(availableDuring);
        Assert.False(stillBackingOff.IsAcquired);
        Assert.True(after.IsAcquired);
        Assert.True(limiter.IsRedisAvailable);
    }

    [Fact]
    public void AttemptAcquire_RedisDownWithFallback_UsesTheLocalBucketThenRedisAgain()
    {
        using var redis = RedisServer.StartOrSkip();
        using var connection = redis.Connect();
        var time = new TimerWatchingTimeProvider();
        var options = Budget("bucket:fallback", time);
        options.FailureMode = RedisFailureMode.FallbackToLocal;
        options.FallbackRateLimit = new Conduit.Http.RateLimiting.RateLimitOptions { RequestsPerWindow = 3, Window = TimeSpan.FromSeconds(10) };
        using var limiter = new RedisTokenBucketRateLimiter(connection, options);

        redis.Kill();
        var grantedLocally = Enumerable.Range(0, 5).Count(_ => { using var lease = limiter.AttemptAcquire(); return lease.IsAcquired; });
        redis.Restart();
        Assert.True(SpinWait.SpinUntil(() => connection.IsConnected, 15_000), "the connection did not come back");
        time.Advance(TimeSpan.FromSeconds(1));
        var grantedByRedis = Enumerable.Range(0, 120).Count(_ => { using var lease = limiter.AttemptAcquire(); return lease.IsAcquired; });

        Assert.Equal(3, grantedLocally);
        Assert.Equal(100, grantedByRedis);
        Assert.True(limiter.IsRedisAvailable);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        using var connection = ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectTimeout = 100 });
        var options = new RedisTokenBucketOptions { Key = " ", RequestsPerWindow = 0, Burst = -1, RetryInterval = TimeSpan.Zero };

        var ex = Assert.Throws<ArgumentException>(() => new RedisTokenBucketRateLimiter(connection, options));

        Assert.StartsWith(
            "Redis token bucket: Key is required. Redis token bucket: RequestsPerWindow must be positive, but was 0. " +
            "Redis token bucket: Burst must be 0 (same as RequestsPerWindow) or more, but was -1. " +
            "Redis token bucket: RetryInterval must be positive, but was 00:00:00.",
            ex.Message);
    }
}
