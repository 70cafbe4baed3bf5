using System.Globalization;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Resilience;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_WaitsThatLongOnTheClock()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/limited", (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = "5";
                return Results.StatusCode(429);
            }

            return Results.Text("done");
        }));
        var time = new TimerWatchingTimeProvider(Start);
        var options = TestClients.FastOptions(server.BaseAddress);
        options.TimeProvider = time;
        options.TotalTimeout = TimeSpan.FromMinutes(10);
        options.ServerRateLimit.PauseOnServerSignal = false;
        using var client = new ConduitClient(options);

        var call = client.GetAsync("limited", TestContext.Current.CancellationToken);
        time.WaitForTimer(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(call.IsCompleted);
        Assert.Equal(1, server.Count("GET", "/limited"));
        time.Advance(TimeSpan.FromSeconds(0.2));
        var response = await call;

        Assert.Equal("done", response.Text);
        Assert.Equal(2, server.Count("GET", "/limited"));
    }

    [Fact]
    public async Task SendAsync_503WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        var calls = 0;
        var retryAt = Start.AddSeconds(30);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/busy", (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = retryAt.ToString("r", CultureInfo.InvariantCulture);
                return Results.StatusCode(503);
            }

            return Results.Text("done");
        }));
        var time = new TimerWatchingTimeProvider(Start);
        var options = TestClients.FastOptions(server.BaseAddress);
        options.TimeProvider = time;
        options.TotalTimeout = TimeSpan.FromMinutes(10);
        using var client = new ConduitClient(options);

        var call = client.GetAsync("busy", TestContext.Current.CancellationToken);
        time.WaitForTimer(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var response = await call;

        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanTimeLeft_FailsFastWithRateLimitedException()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/limited", (HttpContext ctx) =>
        {
            ctx.Response.Headers.RetryAfter = "3600";
            return Results.Json(new { detail = "Too Many Request" }, statusCode: 429);
        }));
        var options = TestClients.FastOptions(server.BaseAddress);
        options.TotalTimeout = TimeSpan.FromSeconds(30);
        using var client = new ConduitClient(options);

        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => client.GetAsync("limited", TestContext.Current.CancellationToken));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Equal("Too Many Request", ex.Details);
        Assert.Equal(1, server.Count("GET", "/limited"));
    }

    [Fact]
    public async Task SendAsync_AfterServer429_PausesTheNextCallUntilTheReset()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/limited", (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = "10";
                return Results.StatusCode(429);
            }

            return Results.Text("ok");
        }));
        var time = new TimerWatchingTimeProvider(Start);
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries: 0);
        options.TimeProvider = time;
        options.TotalTimeout = TimeSpan.FromMinutes(10);
        using var client = new ConduitClient(options);

        await Assert.ThrowsAsync<RateLimitedException>(() => client.GetAsync("limited", TestContext.Current.CancellationToken));
        var next = client.GetAsync("limited", TestContext.Current.CancellationToken);
        time.WaitForTimer(TimeSpan.FromSeconds(10));
        Assert.False(next.IsCompleted);
        Assert.Equal(1, server.Count("GET", "/limited"));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("ok", (await next).Text);
    }

    [Fact]
    public async Task SendAsync_RemainingZeroWithReset_PausesUntilResetAndCountsLowQuota()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/quota", (HttpContext ctx) =>
        {
            var n = Interlocked.Increment(ref calls);
            ctx.Response.Headers["X-RateLimit-Remaining"] = n == 1 ? "0" : "99";
            ctx.Response.Headers["X-RateLimit-Reset"] = "20";
            return Results.Text("ok");
        }));
        var time = new TimerWatchingTimeProvider(Start);
        var options = TestClients.FastOptions(server.BaseAddress);
        options.TimeProvider = time;
        options.TotalTimeout = TimeSpan.FromMinutes(10);
        using var client = new ConduitClient(options);

        await client.GetAsync("quota", TestContext.Current.CancellationToken);
        Assert.Equal(0, client.ServerRateLimitRemaining);
        var second = client.GetAsync("quota", TestContext.Current.CancellationToken);
        time.WaitForTimer(TimeSpan.FromSeconds(20));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(20));
        await second;

        Assert.Equal(99, client.ServerRateLimitRemaining);
        Assert.Equal(2, server.Count("GET", "/quota"));
    }
}
