using System.Net;

namespace Conduit.Sandbox.Tests.Counters;

public sealed class CounterTests
{
    [Fact]
    public async Task Counters_RequestIdAndPathAndOperation_CountEachReceipt()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites") { Content = SandboxTestHost.Json("{\"name\": \"Once\"}") })
        {
            request.Headers.Add("X-Request-Id", "req-1");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, SandboxTestHost.Token)).StatusCode);
        }

        (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        Assert.Equal(1, sandbox.Counters.CountRequestId("req-1"));
        Assert.Equal(0, sandbox.Counters.CountRequestId("req-2"));
        Assert.Equal(1, sandbox.Counters.Count("post", $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites"));
        Assert.Equal(2, sandbox.Counters.Count("GET", "/api/v1/self"));
        Assert.Equal(1, sandbox.Counters.CountOperation("createOrgSite"));
        Assert.Equal(3, sandbox.Counters.Total);
        sandbox.Counters.Reset();
        Assert.Equal(0, sandbox.Counters.Total);
    }

    [Fact]
    public async Task Counters_FaultedRequest_IsStillCounted()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [500] }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        Assert.Equal(1, sandbox.Counters.Count("GET", "/api/v1/self"));
        Assert.Equal(1, sandbox.Counters.Snapshot()["GET /api/v1/self"]);
    }
}
