using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Auth;

public sealed class QuotaTests
{
    [Fact]
    public async Task Quota_Exhausted_Answers429WithMistBodyAndRetryAfterThenResetsAfterAnHour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.HourlyQuota = 3; o.TimeProvider = time; });
        using var client = SandboxTestHost.TokenClient(sandbox);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(20));
        using var limited = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(
            "{\"detail\":\"Too Many Request. The API Token used for the request reached the 3 API Calls per hour threshold.\"}",
            await limited.Content.ReadAsStringAsync(SandboxTestHost.Token));
        Assert.Equal(TimeSpan.FromMinutes(40), limited.Headers.RetryAfter?.Delta);

        time.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public void Options_Defaults_Budget5000AndRetryAfterOn()
    {
        Assert.Equal(5000, new MistSandboxOptions().HourlyQuota);
        Assert.True(new MistSandboxOptions().SendRetryAfter);
    }

    [Fact]
    public async Task Quota_RetryAfterDisabled_Answers429WithoutHeader()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.HourlyQuota = 1; o.SendRetryAfter = false; });
        using var client = SandboxTestHost.TokenClient(sandbox);
        (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        using var limited = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Null(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Quota_RateLimitHeadersEnabled_ReportsRemaining()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.HourlyQuota = 10; o.SendRateLimitHeaders = true; });
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal("10", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("9", response.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task Quota_EachTokenHasItsOwnBudget()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.HourlyQuota = 1; o.Tokens.Add("token-a"); o.Tokens.Add("token-b"); });
        foreach (var token in new[] { "token-a", "token-b" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/self");
            request.Headers.Add("Authorization", $"Token {token}");
            using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, SandboxTestHost.Token)).StatusCode);
        }
    }
}
