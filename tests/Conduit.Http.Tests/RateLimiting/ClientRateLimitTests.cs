using Conduit.Http.RateLimiting;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.RateLimiting;

public sealed class ClientRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<(LoopbackServer Server, ConduitClient Client, TimerWatchingTimeProvider Time)> StartAsync(int perWindow, int burst, int queue, CapturingLoggerProvider? logs = null)
    {
        var server = await LoopbackServer.StartAsync(app => app.MapGet("/item", () => Results.Text("ok")));
        var time = new TimerWatchingTimeProvider(Start);
        var options = TestClients.FastOptions(server.BaseAddress);
        options.TimeProvider = time;
        options.TotalTimeout = TimeSpan.FromMinutes(10);
        options.RateLimit = new RateLimitOptions { RequestsPerWindow = perWindow, Window = TimeSpan.FromSeconds(1), Burst = burst, QueueLimit = queue };
        return (server, new ConduitClient(options, logs), time);
    }

    [Fact]
    public async Task SendAsync_BeyondBurst_QueuesUntilTheBucketRefills()
    {
        var (server, client, time) = await StartAsync(perWindow: 2, burst: 2, queue: 10);
        await using var _ = server;
        using var __ = client;
        var ct = TestContext.Current.CancellationToken;

        await client.GetAsync("item", ct);
        await client.GetAsync("item", ct);
        var third = client.GetAsync("item", ct);
        var fourth = client.GetAsync("item", ct);
        var fifth = client.GetAsync("item", ct);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, server.Count("GET", "/item"));
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(third, fourth);
        Assert.False(fifth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await fifth;
        Assert.Equal(5, server.Count("GET", "/item"));
    }

    [Fact]
    public async Task SendAsync_QueueFull_RejectsWithClientSideRateLimitedException()
    {
        var (server, client, time) = await StartAsync(perWindow: 1, burst: 1, queue: 1);
        await using var _ = server;
        using var __ = client;
        var ct = TestContext.Current.CancellationToken;

        await client.GetAsync("item", ct);
        var queued = client.GetAsync("item", ct);
        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => client.GetAsync("item", ct));

        Assert.Null(ex.StatusCode);
        Assert.Contains("client-side rate limiter", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter); // one window for the queued call, one for this one
        time.Advance(TimeSpan.FromSeconds(1));
        await queued;
        Assert.Equal(2, server.Count("GET", "/item"));
    }

    [Fact]
    public async Task Send_SynchronousCallBeyondBurst_BlocksUntilRefill()
    {
        var logs = new CapturingLoggerProvider();
        var (server, client, time) = await StartAsync(perWindow: 1, burst: 1, queue: 5, logs);
        await using var _ = server;
        using var __ = client;
        var ct = TestContext.Current.CancellationToken;
        client.Get("item", ct);

        var blocked = Task.Factory.StartNew(() => client.Get("item", ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(SpinWait.SpinUntil(() => logs.Lines.Any(l => l.Contains("client rate limit", StringComparison.Ordinal)), 10_000));
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("ok", (await blocked).Text);
    }

    [Fact]
    public void PerSecond_FractionalRate_RefillsOneTokenPerInterval()
    {
        var options = RateLimitOptions.PerSecond(0.5, burst: 3);

        Assert.Equal(1, options.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Window);
        Assert.Equal(3, options.Burst);
    }

    [Fact]
    public void PerSecond_WholeRate_RefillsEverySecond()
    {
        var options = RateLimitOptions.PerSecond(10, burst: 20);

        Assert.Equal(10, options.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Window);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(3e9)]
    public void PerSecond_RateOutsideRange_Throws(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>("requestsPerSecond", () => RateLimitOptions.PerSecond(rate, burst: 1));
}
