using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Error_AtStart_AnswersChosenStatusWithDetail()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [503] }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Injected", (string?)(await SandboxTestHost.ReadJsonAsync(response))!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_SwitchedOnAndOffAtRunTime_AppliesOnlyWhileOn()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
        sandbox.Faults.Add("error:502,method=GET,path=/api/v1/self");
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}", SandboxTestHost.Token)).StatusCode);
        sandbox.Faults.Clear();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Error_RateHalf_HitsSomeButNotAllRequests()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, Probability = 0.5 }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        var failures = 0;
        for (var i = 0; i < 60; i++)
        {
            failures += (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        Assert.InRange(failures, 10, 50);
        Assert.Equal(failures, sandbox.Faults.InjectedCount);
    }

    [Fact]
    public async Task RateLimitBurst_Count3_Answers429ThreeTimesWithRetryAfterThenRecovers()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(MistSandboxFaultSpec.Parse("burst:3,retry-after=2s")[0]));
        using var client = SandboxTestHost.TokenClient(sandbox);
        for (var i = 0; i < 3; i++)
        {
            using var limited = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
            Assert.StartsWith("Too Many Request.", (string?)(await SandboxTestHost.ReadJsonAsync(limited))!["detail"], StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Latency_WithFakeTime_HoldsAnswerUntilTimeAdvances()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.TimeProvider = time; o.Faults.Add(MistSandboxFaultSpec.Parse("latency:5s")[0]); });
        using var client = SandboxTestHost.TokenClient(sandbox);
        var pending = client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        await WaitUntilAsync(() => sandbox.Faults.InjectedCount == 1);
        Assert.False(pending.IsCompleted);

        // The server may create its delay timer just after the first advance: keep advancing, bounded.
        for (var i = 0; i < 50 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, SandboxTestHost.Token));
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ConnectionReset_DropsConnectionWithoutAnswer()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.ConnectionReset, Count = 1 }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/v1/self", SandboxTestHost.Token));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
        Assert.Equal(2, sandbox.Counters.Count("GET", "/api/v1/self"));
    }

    [Fact]
    public async Task TruncatedBody_AnnouncesFullLengthThenDrops()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.TruncatedBody }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        var error = await Record.ExceptionAsync(() => client.GetStringAsync("/api/v1/self", SandboxTestHost.Token));
        Assert.True(error is HttpRequestException or IOException, error?.ToString());
    }

    [Fact]
    public async Task MalformedJson_CompleteResponseThatDoesNotParse()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.MalformedJson }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(SandboxTestHost.Token);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task SlowBody_DeliversWholeBodyInChunks()
    {
        await using var plain = await SandboxTestHost.StartAsync();
        using var plainClient = SandboxTestHost.TokenClient(plain);
        var expected = await plainClient.GetStringAsync("/api/v1/self", SandboxTestHost.Token);
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(MistSandboxFaultSpec.Parse("slow:1ms,chunk=8")[0]));
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync("/api/v1/self", HttpCompletionOption.ResponseHeadersRead, SandboxTestHost.Token);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(SandboxTestHost.Token));
    }

    [Fact]
    public async Task FaultSpec_InvalidText_ThrowsNamingEveryBadRule()
    {
        var error = Assert.Throws<FormatException>(() => MistSandboxFaultSpec.Parse("explode; error:abc; latency:5s,rate=2"));
        Assert.Contains("unknown fault kind 'explode'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("Probability must be between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FaultSpec_FullRule_ParsesEveryKey()
    {
        var fault = Assert.Single(MistSandboxFaultSpec.Parse("error:500/503,rate=20%,count=4,method=post,path=/api/v1/sites/**"));
        Assert.Equal(MistSandboxFaultKind.Error, fault.Kind);
        Assert.Equal([500, 503], fault.StatusCodes);
        Assert.Equal(0.2, fault.Probability, 6);
        Assert.Equal(4, fault.Count);
        Assert.Equal("POST", fault.Method);
        Assert.Equal("/api/v1/sites/**", fault.PathPattern);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Yield();
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, SandboxTestHost.Token);
        }
    }
}
