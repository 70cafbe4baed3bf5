using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Counters;

public sealed class AppliedCounterTests
{
    [Fact]
    public async Task Applied_CountsOnlySuccessfulWrites_ByPathAndRequestId()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var sites = $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites";

        using var created = await SendAsync(client, HttpMethod.Post, sites, """{"name": "Applied"}""", "write-1");
        using var invalid = await SendAsync(client, HttpMethod.Post, sites, """{"name": 42}""", "write-2");
        using var missing = await SendAsync(client, HttpMethod.Put, "/api/v1/sites/00000000-0000-0000-0000-000000000000", """{"notes": "x"}""", "write-3");
        using var read = await SendAsync(client, HttpMethod.Get, "/api/v1/self", null, "read-1");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, sandbox.Counters.TotalApplied);
        Assert.Equal(1, sandbox.Counters.CountApplied("post", sites));
        Assert.Equal(2, sandbox.Counters.Count("POST", sites));
        Assert.Equal(1, sandbox.Counters.CountAppliedRequestId("write-1"));
        Assert.Equal(0, sandbox.Counters.CountAppliedRequestId("write-2"));
        Assert.Equal(0, sandbox.Counters.CountAppliedRequestId("write-3"));
        Assert.Equal(0, sandbox.Counters.CountAppliedRequestId("read-1"));
        Assert.Equal(1, sandbox.Counters.CountRequestId("read-1"));
        Assert.Equal(1, Assert.Single(sandbox.Counters.AppliedSnapshot()).Value);
        sandbox.Counters.Reset();
        Assert.Equal(0, sandbox.Counters.TotalApplied);
        Assert.Equal(0, sandbox.Counters.CountAppliedRequestId("write-1"));
        Assert.Empty(sandbox.Counters.AppliedSnapshot());
    }

    [Theory]
    [InlineData("error:503,method=POST", HttpStatusCode.ServiceUnavailable, 0)]
    [InlineData("error:503,method=POST,when=after", HttpStatusCode.ServiceUnavailable, 1)]
    [InlineData("burst:1,retry-after=0,method=POST", HttpStatusCode.TooManyRequests, 0)]
    [InlineData("burst:1,retry-after=0,method=POST,when=after", HttpStatusCode.TooManyRequests, 1)]
    public async Task Applied_ErrorFaultBeforeOrAfterTheHandler_AnswersTheFaultAndAppliesOnlyAfter(string spec, HttpStatusCode status, long applied)
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(Assert.Single(MistSandboxFaultSpec.Parse(spec))));
        using var client = SandboxTestHost.TokenClient(sandbox);

        using var response = await SendAsync(client, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", """{"name": "Placed"}""", "placed");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(applied, sandbox.Counters.CountAppliedRequestId("placed"));
        Assert.Equal(1, sandbox.Counters.CountRequestId("placed"));
    }

    [Theory]
    [InlineData("reset,method=POST", 0)]
    [InlineData("reset,method=POST,when=after", 1)]
    [InlineData("truncate,method=POST", 1)]
    public async Task Applied_ResponseLostBeforeOrAfterTheHandler_ClientFailsButTheCountSaysWhetherItApplied(string spec, long applied)
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(Assert.Single(MistSandboxFaultSpec.Parse(spec))));
        using var client = SandboxTestHost.TokenClient(sandbox);

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await SendAsync(client, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", """{"name": "Lost"}""", "lost");
            await response.Content.ReadAsStringAsync(SandboxTestHost.Token);
        });

        Assert.True(error is HttpRequestException or IOException, error?.ToString());
        Assert.Equal(applied, sandbox.Counters.CountAppliedRequestId("lost"));
    }

    [Fact]
    public async Task Applied_LatencyAfterTheHandler_AppliesBeforeTheAnswerIsSent()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.TimeProvider = time; o.Faults.Add(MistSandboxFaultSpec.Parse("latency:5s,method=POST,when=after")[0]); });
        using var client = SandboxTestHost.TokenClient(sandbox);

        var pending = SendAsync(client, HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", """{"name": "Held"}""", "held");
        await WaitUntilAsync(() => sandbox.Counters.CountAppliedRequestId("held") == 1);
        Assert.False(pending.IsCompleted);
        for (var i = 0; i < 50 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, SandboxTestHost.Token));
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, sandbox.Counters.TotalApplied);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body, string requestId)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : SandboxTestHost.Json(body) };
        request.Headers.Add("X-Request-Id", requestId);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, SandboxTestHost.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, SandboxTestHost.Token);
        }
    }
}
