using Conduit.Chaos.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.Resilience;
using Conduit.Redis.RateLimiting;
using Conduit.Sandbox;
using static Conduit.Chaos.Tests.Infrastructure.ChaosReport;

namespace Conduit.Chaos.Tests.Outages;

/// <summary>
/// Redis is killed and restarted under a client whose rate limiter is the Redis token bucket. Its
/// documented failure modes: <see cref="RedisFailureMode.FailClosed"/> refuses every permit while
/// Redis is down (the call fails with <see cref="RateLimitedException"/> and is never sent);
/// <see cref="RedisFailureMode.FallbackToLocal"/> grants from a local bucket. Both go back to Redis
/// once it answers again.
/// </summary>
public sealed class RedisOutageChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Recovered = TimeSpan.FromSeconds(1.5);

    [Theory]
    [InlineData(RedisFailureMode.FailClosed)]
    [InlineData(RedisFailureMode.FallbackToLocal)]
    public async Task RedisKilledAndRestarted_LimiterKeepsItsFailureModeThenUsesRedisAgain(RedisFailureMode mode)
    {
        var ct = TestContext.Current.CancellationToken;
        using var redis = RedisServer.StartOrSkip();
        using var connection = redis.Connect(timeoutMilliseconds: 2000);
        var token = "chaos-" + Guid.NewGuid().ToString("N");
        var options = new MistSandboxOptions { EnableHttps = false, SiteCount = 2, DeviceCount = 0, HourlyQuota = 10_000_000, StreamInterval = TimeSpan.Zero };
        options.Tokens.Add(token);
        await using var sandbox = await MistSandbox.StartAsync(options, ct);
        var bucketKey = "chaos:bucket:" + Guid.NewGuid().ToString("N");
        using var limiter = new RedisTokenBucketRateLimiter(connection, new RedisTokenBucketOptions
        {
            Key = bucketKey,
            RequestsPerWindow = 100_000,
            Window = TimeSpan.FromSeconds(1),
            RetryInterval = RetryInterval,
            FailureMode = mode,
        });
        using var client = new ConduitClient(new ConduitClientOptions
        {
            Name = "chaos-redis",
            BaseAddress = new Uri(sandbox.BaseUrl + "/"),
            Authentication = HeaderAuthentication.MistToken(token),
            Retry = new RetryOptions { MaxRetries = 2, InitialDelay = TimeSpan.FromMilliseconds(20) },
            AttemptTimeout = TimeSpan.FromSeconds(1),
            TotalTimeout = TotalTimeout,
            RateLimiter = limiter,
        });
        var loop = new CallLoop(client, _ => ApiRequest.Get("api/v1/sites/{0}", sandbox.Seed.SiteIds[0]), $"redis-{mode}-");

        // One call first, so the healthy phase is not spent loading the script and compiling the path.
        await client.SendAsync(ApiRequest.Get("api/v1/self"), ct);
        var loopStart = loop.Now;
        loop.Start(workerCount: 4, pause: TimeSpan.FromMilliseconds(5));

        // The first concurrent calls can stall (each blocks a thread on a synchronous Redis round trip, see
        // RedisLimiterAsyncPathTests): the healthy phase lasts until 20 calls succeeded, then Healthy more.
        var flowing = await CallLoop.WaitUntilAsync(() => loop.Calls.Count(c => c.Succeeded) >= 20, TimeSpan.FromSeconds(15));
        var firstTwenty = loop.Now;
        await CallLoop.HoldAsync(Healthy);

        var killing = loop.Now;
        redis.Kill();
        var killed = loop.Now;
        await CallLoop.HoldAsync(Outage);
        var restarting = loop.Now;
        redis.Start();
        var reconnected = SpinWait.SpinUntil(() => connection.IsConnected, 15_000);
        var connected = loop.Now;
        await CallLoop.HoldAsync(Recovered);
        await loop.StopAsync(TimeSpan.FromSeconds(30));
        var bucketBackInRedis = connection.GetDatabase().KeyExists(bucketKey);

        var calls = loop.Calls.ToList();
        var before = calls.Where(c => c.End < killing).ToList();
        var down = calls.Where(c => c.Within(killed, restarting)).ToList();
        var recoveredFrom = connected + RetryInterval;
        var after = calls.Where(c => c.Start > recoveredFrom).ToList();
        var refusedSent = down.Where(c => c.Failure == typeof(RateLimitedException)).Sum(c => sandbox.Counters.CountRequestId(c.RequestId));
        var name = mode == RedisFailureMode.FailClosed ? "fail-closed" : "fallback-to-local";
        var report = new ChaosReport($"redis-outage-{name}", $"Process fault: Redis killed and restarted under the shared rate limiter ({mode})");
        report.Paragraph(
            $"4 callers GET a site through a client whose rate limiter is `RedisTokenBucketRateLimiter` (`FailureMode = {mode}`, " +
            $"`RetryInterval` {Ms(RetryInterval)}, a budget far above the load) over a private `redis-server`. The first 20 calls took " +
            $"{Ms(firstTwenty - loopStart)} (see the finding below); {Ms(Healthy)} later the server " +
            $"is killed (no shutdown), stays down {Ms(Outage)}, and starts again on the same port; the connection was back " +
            $"{Ms(connected - restarting)} after the restart, and the callers go on for {Ms(Recovered)}.");
        report.Table(["Phase", "Calls", "Succeeded", "Failures by type", "Requests the sandbox received"],
        [
            Row("Before the kill", before, sandbox),
            Row("Entirely while Redis was down", down, sandbox),
            Row($"Started {Ms(RetryInterval)} after the reconnection", after, sandbox),
        ]);
        report.Table(["Check", "Result"],
        [
            ["Refused calls that reached the sandbox anyway", N(refusedSent)],
            ["Bucket key written to the restarted Redis", bucketBackInRedis ? "yes" : "no"],
            ["Longest call (total timeout)", $"{Ms(calls.Max(c => c.Elapsed))} ({Ms(TotalTimeout)})"],
        ]);
        report.Paragraph(
            "Finding: the first calls of a process can stall, because an async call takes its token with the limiter's synchronous " +
            "`AttemptAcquire` (`RateLimitWaitStrategy`'s fast path in `src/Conduit.Http`), a blocking Redis round trip that starves a " +
            "small thread pool; `RedisLimiterAsyncPathTests` pins the fix and is skipped until it lands.");
        report.Publish(output);

        Assert.True(flowing, "Fewer than 20 calls succeeded within 15 s before the kill.");
        Assert.True(reconnected, "The Redis connection did not come back within 15 s.");
        Assert.NotEmpty(before);
        Assert.All(before, c => Assert.True(c.Succeeded, $"{c.RequestId} failed with {c.Failure?.Name} before the kill."));
        Assert.NotEmpty(down);
        if (mode == RedisFailureMode.FailClosed)
        {
            Assert.All(down, c => Assert.True(c.Failure == typeof(RateLimitedException) && c.Status is null, $"{c.RequestId} ended with {c.Failure?.Name ?? "success"} while Redis was down."));
            Assert.Equal(0, refusedSent);
        }
        else
        {
            Assert.All(down, c => Assert.True(c.Succeeded, $"{c.RequestId} failed with {c.Failure?.Name} while Redis was down."));
        }

        Assert.NotEmpty(after);
        Assert.All(after, c => Assert.True(c.Succeeded, $"{c.RequestId} failed with {c.Failure?.Name} after Redis came back."));
        Assert.True(bucketBackInRedis, "The limiter did not go back to Redis: the bucket key is missing from the restarted server.");
        Assert.True(limiter.IsRedisAvailable);
        Assert.All(calls, c => Assert.True(c.Elapsed <= TotalTimeout + Slack, $"{c.RequestId} ran {Ms(c.Elapsed)}."));
    }

    private static IReadOnlyList<string> Row(string phase, List<TimedCall> calls, MistSandbox sandbox)
    {
        var failures = calls.Where(c => !c.Succeeded).GroupBy(c => c.Failure!.Name).Select(g => $"{g.Key} {g.Count()}");
        return [phase, N(calls.Count), N(calls.Count(c => c.Succeeded)), string.Join(", ", failures) is { Length: > 0 } text ? text : "–", N(calls.Sum(c => sandbox.Counters.CountRequestId(c.RequestId)))];
    }
}
