using System.Net;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Resilience;

public sealed class RetryTests
{
    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendAsync_RetryableStatusThenSuccess_RetriesAndSucceeds(int status)
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/flaky", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(status) : Results.Text("ok")));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var response = await client.GetAsync("flaky", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", response.Text);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Count("GET", "/flaky"));
    }

    [Theory]
    [InlineData(400, typeof(BadRequestException))]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(409, typeof(ConflictException))]
    public async Task SendAsync_ClientErrorStatus_IsNotRetriedAndThrowsTypedException(int status, Type exceptionType)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/fail", () => Results.Json(new { detail = "nope" }, statusCode: status)));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetAsync("fail", TestContext.Current.CancellationToken));

        Assert.IsType(exceptionType, ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("nope", ex.Details);
        Assert.Contains("\"detail\"", ex.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("GET", "/fail"));
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_ThrowsServerErrorAfterAllRetries()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(503)));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress, maxRetries: 2));

        var ex = await Assert.ThrowsAsync<ServerErrorException>(() => client.GetAsync("down", TestContext.Current.CancellationToken));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, server.Count("GET", "/down"));
    }

    [Fact]
    public async Task SendAsync_PostWithRetryableStatus_IsNotRetriedWithoutOptIn()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/orders", () => Results.StatusCode(503)));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        await Assert.ThrowsAsync<ServerErrorException>(() => client.PostAsync("orders", JsonBody.FromText("{}"), TestContext.Current.CancellationToken));

        Assert.Equal(1, server.Count("POST", "/orders"));
    }

    [Fact]
    public async Task SendAsync_PostThatTimesOut_IsSentExactlyOnce()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/warm", () => Results.Ok());
            app.MapPost("/slow", async (HttpContext ctx) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                return Results.Ok();
            });
        });
        var options = TestClients.FastOptions(server.BaseAddress);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(750);
        using var client = new ConduitClient(options);
        await client.GetAsync("warm", TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => client.PostAsync("slow", JsonBody.FromText("{\"a\":1}"), TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromMilliseconds(750), ex.Timeout);
        Assert.Contains("per-attempt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("POST", "/slow"));
    }

    [Fact]
    public async Task SendAsync_PostWithIdempotencyKeyThatTimesOut_IsRetriedWithTheSameKey()
    {
        var keys = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/warm", () => Results.Ok());
            app.MapPost("/slow", async (HttpContext ctx) =>
            {
                keys.Add(ctx.Request.Headers["Idempotency-Key"].ToString());
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                return Results.Ok();
            });
        });
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries: 2);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(1500);
        using var client = new ConduitClient(options);
        await client.GetAsync("warm", TestContext.Current.CancellationToken);
        var request = ApiRequest.Post("slow").WithBody(JsonBody.FromText("{}")).WithIdempotencyKey("order-42");

        await Assert.ThrowsAsync<ApiTimeoutException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        // Every attempt is sent; on a loaded machine the last may be cancelled before the server reads it.
        Assert.InRange(server.Count("POST", "/slow"), 2, 3);
        Assert.All(keys, k => Assert.Equal("order-42", k));
    }

    [Fact]
    public async Task SendAsync_PostWithIdempotencyKeyAndServerError_IsRetriedUntilSuccess()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/pay", async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync(ctx.RequestAborted);
            return Interlocked.Increment(ref calls) < 3 ? Results.StatusCode(502) : Results.Text(body);
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        var request = ApiRequest.Post("pay").WithBody(JsonBody.FromText("{\"amount\":10}")).WithIdempotencyKey("pay-1");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("{\"amount\":10}", response.Text);
        Assert.Equal(3, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_ForwardOnlyStreamBody_IsNeverRetried()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPut("/upload", () => Results.StatusCode(503)));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        using var stream = new ForwardOnlyStream(new byte[] { 1, 2, 3 });
        var request = ApiRequest.Put("upload").WithBody(new StreamBody(stream));

        await Assert.ThrowsAsync<ServerErrorException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(1, server.Count("PUT", "/upload"));
    }

    [Fact]
    public async Task SendAsync_SeekableStreamBody_IsResentIntactOnRetry()
    {
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapPut("/upload", async (HttpContext ctx) =>
        {
            bodies.Enqueue(await new StreamReader(ctx.Request.Body).ReadToEndAsync(ctx.RequestAborted));
            return bodies.Count == 1 ? Results.StatusCode(500) : Results.Ok();
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        using var stream = new MemoryStream("payload"u8.ToArray());

        await client.SendAsync(ApiRequest.Put("upload").WithBody(new StreamBody(stream, "text/plain")), TestContext.Current.CancellationToken);

        Assert.Equal(["payload", "payload"], bodies.ToArray());
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThenThrowsConnectionException()
    {
        var port = FreePort.Get();
        var options = TestClients.FastOptions(new Uri($"http://127.0.0.1:{port}/"), maxRetries: 2);
        using var client = new ConduitClient(options);

        var ex = await Assert.ThrowsAsync<ApiConnectionException>(() => client.PostAsync("x", JsonBody.FromText("{}"), TestContext.Current.CancellationToken));

        Assert.Null(ex.StatusCode);
        Assert.Contains("3 attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TotalTimeoutElapses_ThrowsTimeoutNamingTheTotal()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext ctx) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            return Results.Ok();
        }));
        var options = TestClients.FastOptions(server.BaseAddress);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(150);
        options.TotalTimeout = TimeSpan.FromMilliseconds(400);
        using var client = new ConduitClient(options);

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => client.GetAsync("slow", TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromMilliseconds(400), ex.Timeout);
        Assert.Contains("total", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext ctx) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            return Results.Ok();
        }));
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("slow", cts.Token));
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
