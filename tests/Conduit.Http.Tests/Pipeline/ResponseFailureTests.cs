using System.Diagnostics;
using System.Net;
using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Pipeline;

/// <summary>
/// Responses that go wrong after the status line: a body that stalls, a body its Content-Encoding does not describe,
/// an error body with invalid UTF-8, and rate-limit delays past year 9999. Each must end in an <see cref="ApiException"/>.
/// </summary>
public sealed class ResponseFailureTests
{
    private static async Task<LoopbackServer> StartServerAsync() => await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/stall", async (HttpContext ctx) =>
        {
            ctx.Response.ContentLength = 1000;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.Body.WriteAsync("{\"id\":"u8.ToArray());
            await ctx.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, which is what the test waits for.
            }
        });
        app.MapGet("/bad-gzip", async (HttpContext ctx) =>
        {
            var body = "{\"id\":\"abcdefghijklmnopqrstuvwxyz0123\"}"u8.ToArray();
            ctx.Response.Headers.ContentEncoding = "gzip";
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength = body.Length;
            await ctx.Response.Body.WriteAsync(body);
        });
        app.MapGet("/far-retry-after", (HttpContext ctx) =>
        {
            ctx.Response.Headers.RetryAfter = "400000000000";
            return Results.StatusCode(429);
        });
        app.MapGet("/far-reset", (HttpContext ctx) =>
        {
            ctx.Response.Headers["X-RateLimit-Remaining"] = "0";
            ctx.Response.Headers["X-RateLimit-Reset"] = "300000000000";
            return Results.StatusCode(429);
        });
    });

    private static ConduitClient CreateClient(LoopbackServer server, TimeSpan attempt, TimeSpan total)
    {
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries: 1);
        options.AttemptTimeout = attempt;
        options.TotalTimeout = total;
        return new ConduitClient(options);
    }

    private static Task<ApiResponse> Send(ConduitClient client, string path, bool async) =>
        async
            ? client.SendAsync(ApiRequest.Get(path), TestContext.Current.CancellationToken)
            : Task.Factory.StartNew(
                () => client.Send(ApiRequest.Get(path), TestContext.Current.CancellationToken),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyStallingAfterTheHeaders_TimesOut(bool async)
    {
        await using var server = await StartServerAsync();
        using var client = CreateClient(server, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1.5));
        var clock = Stopwatch.StartNew();

        var call = Send(client, "stall", async);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));

        Assert.Same(call, finished);
        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => call);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GzipEncodingOnAPlainBody_IsAnApiExceptionWithTheStatus(bool async)
    {
        await using var server = await StartServerAsync();
        using var client = CreateClient(server, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        var ex = await Assert.ThrowsAsync<ApiException>(() => Send(client, "bad-gzip", async));

        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("could not be decoded", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(ex.InnerException);
    }

    [Fact]
    public void InvalidUtf8InTheDetail_StillGivesTheTypedException()
    {
        var response = new ApiResponse(HttpStatusCode.BadRequest, (byte[])[.. "{\"detail\":\"bad "u8.ToArray(), 0xFF, .. " byte\"}"u8.ToArray()]);

        var ex = Assert.IsType<BadRequestException>(Record.Exception(() => response.EnsureSuccess()));

        Assert.Equal("bad \uFFFD byte", ex.Details);
    }

    [Fact]
    public void ValidDetail_IsUnchanged()
    {
        var response = new ApiResponse(HttpStatusCode.BadRequest, "{\"detail\":\"caf\u00e9 \\u00e9\"}"u8.ToArray());

        var ex = Assert.IsType<BadRequestException>(Record.Exception(() => response.EnsureSuccess()));

        Assert.Equal("caf\u00e9 \u00e9", ex.Details);
    }

    [Theory]
    [InlineData("far-retry-after", false)]
    [InlineData("far-retry-after", true)]
    [InlineData("far-reset", false)]
    [InlineData("far-reset", true)]
    public async Task RateLimitDelayPastYear9999_IsARateLimitedException(string path, bool async)
    {
        await using var server = await StartServerAsync();
        using var client = CreateClient(server, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<RateLimitedException>(() => Send(client, path, async));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryAfterPastYear9999_WithNoTotalTimeout_IsARateLimitedExceptionOnTheNextCallToo(bool async)
    {
        await using var server = await StartServerAsync();
        using var client = CreateClient(server, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<RateLimitedException>(() => Send(client, "far-retry-after", async));
        // The gate now holds the client until year 9999: the next call is refused, not waited for or crashed.
        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => Send(client, "far-retry-after", async));
        Assert.Contains("longer than a client can wait", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_ClampsAResumeTimePastYear9999()
    {
        using var message = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        message.Headers.TryAddWithoutValidation("Retry-After", "400000000000");
        var response = new ApiResponse(HttpStatusCode.TooManyRequests, ReadOnlyMemory<byte>.Empty, message.Headers);
        var gate = new ServerRateLimitGate(new ServerRateLimitOptions(), TimeProvider.System);

        gate.Observe(response, RetryAfterParser.Parse(response, TimeProvider.System));

        var expected = DateTimeOffset.MaxValue - TimeProvider.System.GetUtcNow();
        Assert.InRange(gate.CurrentWait, expected - TimeSpan.FromMinutes(1), expected);
    }

    [Theory]
    [InlineData("300000000000", false)]
    [InlineData("253402300800", false)]
    [InlineData("253402300799", true)]
    public void TryParseReset_RejectsEpochsPastYear9999(string value, bool valid)
    {
        Assert.Equal(valid, RetryAfterParser.TryParseReset(value, DateTimeOffset.UnixEpoch, out var delay));
        if (valid)
        {
            Assert.Equal(DateTimeOffset.MaxValue.AddTicks(-(TimeSpan.TicksPerSecond - 1)) - DateTimeOffset.UnixEpoch, delay);
        }
    }
}
