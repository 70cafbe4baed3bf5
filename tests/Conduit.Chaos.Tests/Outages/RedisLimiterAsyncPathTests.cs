using Conduit.Chaos.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Redis.RateLimiting;
using Conduit.Sandbox;

namespace Conduit.Chaos.Tests.Outages;

/// <summary>
/// Found by the Redis outage run: on a 2-core machine the first concurrent calls through a client
/// limited by <see cref="RedisTokenBucketRateLimiter"/> stalled for 1–2 s, because each async call took
/// its token with the limiter's synchronous <c>AttemptAcquire</c> — a blocking Redis round trip — so the
/// callers held every thread-pool thread while the Redis replies waited for one (4 concurrent calls:
/// about 1.2 s with the default 2 minimum threads, 70 ms with 16). Fixed in RateLimitWaitStrategy.
/// </summary>
public sealed class RedisLimiterAsyncPathTests
{
    // Async calls must take their tokens through AcquireAsync: with RedisTokenBucketRateLimiter the synchronous
    // AttemptAcquire is a blocking Redis round trip that starves a small thread pool (see docs/reliability/chaos.md).
    [Fact]
    public async Task SendAsync_WithTheRedisLimiter_TakesTokensWithoutASynchronousRoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        using var redis = RedisServer.StartOrSkip();
        using var connection = redis.Connect(timeoutMilliseconds: 2000);
        var token = "chaos-" + Guid.NewGuid().ToString("N");
        var options = new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 0, StreamInterval = TimeSpan.Zero };
        options.Tokens.Add(token);
        await using var sandbox = await MistSandbox.StartAsync(options, ct);
        using var redisLimiter = new RedisTokenBucketRateLimiter(connection, new RedisTokenBucketOptions { Key = "chaos:async:" + Guid.NewGuid().ToString("N"), RequestsPerWindow = 1000 });
        using var limiter = new CountingRateLimiter(redisLimiter);
        using var client = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl + "/"),
            Authentication = HeaderAuthentication.MistToken(token),
            RateLimiter = limiter,
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(ApiRequest.Get("api/v1/self"), ct)));

        Assert.Equal(0, limiter.Attempts);
        Assert.Equal(8, limiter.AsyncAcquisitions);
    }
}
