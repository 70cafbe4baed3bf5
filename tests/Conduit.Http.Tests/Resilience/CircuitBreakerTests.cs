using Conduit.Http.Resilience;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task SendAsync_RepeatedServerErrors_OpenTheCircuitAndFailFast()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(500)));
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries: 0);
        options.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 4, FailureRatio = 0.5, BreakDuration = TimeSpan.FromMinutes(1) };
        using var client = new ConduitClient(options);
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ServerErrorException>(() => client.GetAsync("down", ct));
        }

        var open = await Assert.ThrowsAsync<ApiConnectionException>(() => client.GetAsync("down", ct));

        Assert.Contains("circuit breaker is open", open.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Count("GET", "/down"));
    }

    [Fact]
    public async Task SendAsync_TwoClients_DoNotShareCircuitState()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/down", () => Results.StatusCode(500));
            app.MapGet("/up", () => Results.Text("ok"));
        });
        CircuitBreakerOptions Breaker() => new() { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromMinutes(1) };
        var first = TestClients.FastOptions(server.BaseAddress, maxRetries: 0);
        first.CircuitBreaker = Breaker();
        var second = TestClients.FastOptions(server.BaseAddress, maxRetries: 0);
        second.CircuitBreaker = Breaker();
        using var a = new ConduitClient(first);
        using var b = new ConduitClient(second);
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<ApiException>(() => a.GetAsync("down", ct));
        }

        Assert.Equal("ok", (await b.GetAsync("up", ct)).Text);
        await Assert.ThrowsAsync<ApiConnectionException>(() => a.GetAsync("up", ct));
    }
}
