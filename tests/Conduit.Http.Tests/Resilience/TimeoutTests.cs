using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Resilience;

/// <summary>Attempt and total timeouts on a fake clock, through both APIs, against a server that can hang.</summary>
public sealed class TimeoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<LoopbackServer> StartServerAsync() => await LoopbackServer.StartAsync(app =>
    {
        var hangOnce = 0;
        var busyOnce = 0;
        app.MapGet("/hang-once", async (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref hangOnce) == 1)
            {
                await Hang(ctx);
            }

            return Results.Text("ok");
        });
        app.MapGet("/hang", async (HttpContext ctx) =>
        {
            await Hang(ctx);
            return Results.Text("never");
        });
        app.MapGet("/busy-then-hang", async (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref busyOnce) == 1)
            {
                ctx.Response.Headers.RetryAfter = "20";
                return Results.StatusCode(503);
            }

            await Hang(ctx);
            return Results.Text("never");
        });
    });

    private static async Task Hang(HttpContext ctx)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on the attempt, which is what the test waits for.
        }
    }

    private static (ConduitClient Client, TimerWatchingTimeProvider Time) CreateClient(LoopbackServer server, TimeSpan attempt, TimeSpan total, int maxRetries = 3)
    {
        var time = new TimerWatchingTimeProvider(Start);
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries);
        options.TimeProvider = time;
        options.AttemptTimeout = attempt;
        options.TotalTimeout = total;
        return (new ConduitClient(options), time);
    }

    private static Task<ApiResponse> Get(ConduitClient client, string path, bool synchronous) => synchronous
        ? Task.Run(() => client.Get(path, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)
        : client.GetAsync(path, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_AttemptTimesOutThenServerAnswers_RetriesAndSucceeds(bool synchronous)
    {
        await using var server = await StartServerAsync();
        var (client, time) = CreateClient(server, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        using var _ = client;

        var call = Get(client, "hang-once", synchronous);
        server.WaitForCount("GET", "/hang-once", 1);
        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        time.WaitForTimer(TimeSpan.FromMilliseconds(1));
        time.Advance(TimeSpan.FromMilliseconds(1));
        var response = await call;

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Count("GET", "/hang-once"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_AttemptTimesOutWithNoRetryLeft_ThrowsPerAttemptTimeout(bool synchronous)
    {
        await using var server = await StartServerAsync();
        var (client, time) = CreateClient(server, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), maxRetries: 0);
        using var _ = client;

        var call = Get(client, "hang", synchronous);
        server.WaitForCount("GET", "/hang", 1);
        time.Advance(TimeSpan.FromSeconds(10));
        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(10), ex.Timeout);
        Assert.Contains("per-attempt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("GET", "/hang"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_TotalTimeoutPassesDuringTheRetry_ThrowsTotalTimeout(bool synchronous)
    {
        await using var server = await StartServerAsync();
        var (client, time) = CreateClient(server, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        using var _ = client;

        // 503 with Retry-After: 20 s; the retry starts at 20 s and hangs; its attempt deadline (35 s) is after the call's.
        var call = Get(client, "busy-then-hang", synchronous);
        time.WaitForTimer(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(20));
        server.WaitForCount("GET", "/busy-then-hang", 2);
        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(30), ex.Timeout);
        Assert.Contains("total", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Count("GET", "/busy-then-hang"));
    }
}
