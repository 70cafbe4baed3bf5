using System.Threading.RateLimiting;
using Conduit.Http.RateLimiting;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.RateLimiting;

public sealed class SharedRateLimiterTests
{
    [Fact]
    public async Task SendAsync_TwoClientsSharingOneLimiter_ShareOneBudget()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/item", () => Results.Text("ok")));
        var time = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var shared = new TimedTokenBucketRateLimiter(new RateLimitOptions { RequestsPerWindow = 2, Burst = 2 }, time);
        ConduitClient Create()
        {
            var options = TestClients.FastOptions(server.BaseAddress);
            options.TimeProvider = time;
            options.TotalTimeout = TimeSpan.FromMinutes(5);
            options.RateLimiter = shared;
            return new ConduitClient(options);
        }

        using var a = Create();
        using var b = Create();
        var ct = TestContext.Current.CancellationToken;

        await a.GetAsync("item", ct);
        await b.GetAsync("item", ct);
        var third = a.GetAsync("item", ct);

        Assert.False(third.IsCompleted);
        Assert.Same(shared, a.RateLimiter);
        time.Advance(TimeSpan.FromSeconds(1));
        await third;
        Assert.Equal(3, server.Count("GET", "/item"));
    }

    [Fact]
    public async Task Send_ForeignLimiterWithoutSyncWait_BlocksUntilAPermitThenSends()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/item", () => Results.Text("ok")));
        using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromMilliseconds(200), QueueLimit = 0 });
        var options = TestClients.FastOptions(server.BaseAddress);
        options.RateLimiter = limiter;
        using var client = new ConduitClient(options);

        client.Get("item", TestContext.Current.CancellationToken);
        client.Get("item", TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Count("GET", "/item"));
    }

    [Fact]
    public async Task SendAsync_ForeignLimiter_IsAskedOnlyThroughAcquireAsync()
    {
        // A distributed limiter's AttemptAcquire is a blocking round trip: asynchronous calls must never use it.
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/item", () => Results.Text("ok")));
        using var limiter = new CountingRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(50),
            QueueLimit = 10,
        }));
        var options = TestClients.FastOptions(server.BaseAddress);
        options.RateLimiter = limiter;
        using var client = new ConduitClient(options);
        var ct = TestContext.Current.CancellationToken;

        // The first gets the only token at once; the others queue inside AcquireAsync until it refills.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetAsync("item", ct)));

        Assert.Equal(0, limiter.Attempts);
        Assert.Equal(4, limiter.AsyncAcquisitions);
        Assert.Equal(4, server.Count("GET", "/item"));
    }

    [Fact]
    public void Send_ForeignLimiter_IsAskedThroughAttemptAcquire()
    {
        using var limiter = new CountingRateLimiter(new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 10 }));
        var options = TestClients.FastOptions(new Uri("http://127.0.0.1:1/"), maxRetries: 0);
        options.RateLimiter = limiter;
        using var client = new ConduitClient(options);

        // Nothing listens on port 1: the call fails, but only after the limiter was asked for its token.
        Assert.Throws<ApiConnectionException>(() => client.Get("item", TestContext.Current.CancellationToken));

        Assert.Equal(1, limiter.Attempts);
        Assert.Equal(0, limiter.AsyncAcquisitions);
    }

    [Fact]
    public void Constructor_BothRateLimitAndRateLimiter_IsRejected()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1 });
        var options = new ConduitClientOptions { Name = "api", RateLimit = new RateLimitOptions(), RateLimiter = limiter };

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ConduitClient(options));

        Assert.Equal(["Conduit client 'api': Set either RateLimit (a client-side token bucket) or RateLimiter (your own limiter), not both."], ex.Failures);
    }
}
