using Conduit.Http;
using Conduit.Integrations.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Integrations.Tests.Clients;

public sealed class HttpApiClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ToClientOptions_Defaults_MatchSeedFour()
    {
        var options = new HttpApiClientOptions { BaseUrl = new Uri("https://api.example.com/") }.ToClientOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(3, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.InitialDelay);
        Assert.Equal(2, options.Retry.ExponentialBase);
        Assert.False(options.Retry.UseJitter);
        Assert.Equal([429, 500, 502, 503, 504], options.Retry.RetryableStatusCodes.Order());
        Assert.Equal((10, TimeSpan.FromSeconds(1), 20), (options.RateLimit!.RequestsPerWindow, options.RateLimit.Window, options.RateLimit.Burst));
        Assert.True(options.VerifyTls);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e12)]
    public void ToClientOptions_RateOutOfRange_NamesTheSetting(double rate)
    {
        var options = new HttpApiClientOptions { BaseUrl = new Uri("https://api.example.com/"), RateLimitRequestsPerSecond = rate };

        var ex = Assert.Throws<ArgumentException>(() => options.ToClientOptions());

        Assert.Equal(nameof(HttpApiClientOptions.RateLimitRequestsPerSecond), ex.ParamName);
    }

    [Fact]
    public async Task GetAsync_TokenQueryAndHeaders_SentAndRetriedOn503()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/search", (HttpContext c) =>
            Interlocked.Increment(ref calls) == 1
                ? Results.StatusCode(503)
                : Results.Text($"{c.Request.Headers.Authorization}|{c.Request.Query["q"]}|{c.Request.Headers["X-Custom"]}|{c.Request.Headers.UserAgent}")));
        using var client = new HttpApiClient(new HttpApiClientOptions
        {
            BaseUrl = server.BaseAddress,
            Token = "seed-token",
            RetryBackoffFactor = 0.001,
            Headers = { ["User-Agent"] = "MyApp/1.0" },
        });

        var response = await client.GetAsync("search", [new("q", "term"), new("skip", null)], [new("X-Custom", "value")], Ct);

        Assert.Equal("Bearer seed-token|term|value|MyApp/1.0", response.Text);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task Send_EveryMethodWithBody_SyncAndAsync()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapMethods("/x", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"], (HttpContext c) => Results.Text(c.Request.Method)));
        using var client = HttpApiClient.Create(server.BaseAddress.ToString());
        var body = JsonBody.FromText("""{"message":"Hello World!"}""");

        var post = await client.SendAsync(HttpMethod.Post, "x", body, cancellationToken: Ct);
        var put = client.Send(HttpMethod.Put, "x", body, cancellationToken: Ct);
        var patch = await client.PatchAsync("x", body, Ct);
        var delete = client.Delete("x", Ct);
        var options = client.SendOptions("x", Ct);

        Assert.Equal(["POST", "PUT", "PATCH", "DELETE"], new[] { post.Text, put.Text, patch.Text, delete.Text });
        Assert.Equal("OPTIONS", options.Text);
    }

    [Fact]
    public async Task GetAsync_Unauthorized_ThrowsTypedExceptionWithoutTheToken()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/me", () => Results.Json(new { message = "bad token" }, statusCode: 401)));
        using var client = new HttpApiClient(server.BaseAddress.ToString(), "leaky-token");

        var ex = await Assert.ThrowsAsync<UnauthorizedException>(() => client.GetAsync("me", Ct));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("bad token", ex.Details);
        Assert.DoesNotContain("leaky-token", ex.Message, StringComparison.Ordinal);
    }
}
