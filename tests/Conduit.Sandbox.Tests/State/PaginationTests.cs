using System.Net;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests.State;

public sealed class PaginationTests
{
    [Fact]
    public async Task PagedList_LimitAndPage_CarriesAllThreeHeadersWithPageServed()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.DeviceCount = 50);
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory?limit=20&page=3", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("50", response.Headers.GetValues("X-Page-Total").Single());
        Assert.Equal("20", response.Headers.GetValues("X-Page-Limit").Single());
        Assert.Equal("3", response.Headers.GetValues("X-Page-Page").Single());
        Assert.Equal(10, (await SandboxTestHost.ReadJsonAsync(response))!.AsArray().Count);
    }

    [Fact]
    public async Task PagedList_Defaults_Limit100Page1AndLimitCappedAt1000()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var defaults = await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", SandboxTestHost.Token);
        Assert.Equal("100", defaults.Headers.GetValues("X-Page-Limit").Single());
        Assert.Equal("1", defaults.Headers.GetValues("X-Page-Page").Single());
        using var capped = await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites?limit=5000", SandboxTestHost.Token);
        Assert.Equal("1000", capped.Headers.GetValues("X-Page-Limit").Single());
    }

    [Fact]
    public async Task PagedList_GenericOperation_CarriesHeaders()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/devices/radio_macs?page=2", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("X-Page-Page").Single());
        Assert.Empty((await SandboxTestHost.ReadJsonAsync(response))!.AsArray());
    }

    [Fact]
    public async Task Search_FollowingNext_VisitsEveryResultOnceAndEndsWithNull()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        string? next = $"/api/v1/orgs/{sandbox.Seed.OrgId}/alarms/search?limit=50&duration=7d";
        var seen = new HashSet<string>();
        var total = -1;
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next, SandboxTestHost.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await SandboxTestHost.ReadJsonAsync(response))!.AsObject();
            Assert.True(body.ContainsKey("next") && body.ContainsKey("start") && body.ContainsKey("end") && body.ContainsKey("limit"));
            total = (int)body["total"]!;
            foreach (var alarm in body["results"]!.AsArray())
            {
                Assert.True(seen.Add((string)alarm!["id"]!));
            }

            next = (string?)body["next"];
            if (next is not null)
            {
                Assert.StartsWith("/api/", next, StringComparison.Ordinal);
                Assert.Contains("search_after=%5B", next, StringComparison.Ordinal);
            }

            pages++;
        }

        Assert.Equal(240, total);
        Assert.Equal(total, seen.Count);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task Search_SiteDeviceEventsFilteredByType_ReturnsOnlyThatType()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var body = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/devices/events/search?type=AP_RESTARTED&limit=1000", SandboxTestHost.Token));
        var results = body!["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.All(results, e => Assert.Equal("AP_RESTARTED", (string?)e!["type"]));
        Assert.Null(body["next"]);
    }
}
