using System.Net;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests.State;

/// <summary>Lists are served from caches kept per collection version: pages must still follow every write.</summary>
public sealed class CachedListTests
{
    [Fact]
    public async Task SiteDevices_DeviceRenamedBetweenPages_LaterPagesServeTheNewObject()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => (o.DeviceCount, o.SiteCount) = (60, 1));
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = $"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/devices?type=all&limit=10";
        var first = await Page(client, path, 1);
        var second = await Page(client, path, 2);
        var id = (string)second[3]!["id"]!;

        using var update = await client.PutAsync($"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/devices/{id}", SandboxTestHost.Json("{\"name\": \"renamed-between-pages\"}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var again = await Page(client, path, 2);
        Assert.Equal(second.Select(d => (string?)d!["id"]), again.Select(d => (string?)d!["id"]));
        Assert.Equal("renamed-between-pages", (string?)again[3]!["name"]);
        Assert.Equal(first.ToJsonString(), (await Page(client, path, 1)).ToJsonString());
    }

    [Fact]
    public async Task Inventory_PagesOfSeven_ConcatenateToTheWholeListEachDeviceOnce()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.DeviceCount = 50);
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = $"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory?limit=7";
        var whole = await Page(client, $"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory?limit=1000", 1);
        var paged = new List<JsonNode?>();
        for (var page = 1; page <= 8; page++)
        {
            var items = await Page(client, path, page);
            Assert.Equal(page < 8 ? 7 : 1, items.Count);
            paged.AddRange(items.Select(i => i?.DeepClone()));
        }

        Assert.Equal(50, whole.Count);
        Assert.Equal(whole.Select(d => d!.ToJsonString()), paged.Select(d => d!.ToJsonString()));
        Assert.Equal(50, paged.Select(d => (string?)d!["id"]).Distinct().Count());

        using var beyond = await client.GetAsync($"{path}&page=9", SandboxTestHost.Token);
        Assert.Equal("50", beyond.Headers.GetValues("X-Page-Total").Single());
        Assert.Empty((await SandboxTestHost.ReadJsonAsync(beyond))!.AsArray());
    }

    [Fact]
    public async Task Inventory_DeviceRenamedAndUnassigned_ItemAndFiltersFollow()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => (o.DeviceCount, o.SiteCount) = (30, 1));
        using var client = SandboxTestHost.TokenClient(sandbox);
        var org = sandbox.Seed.OrgId;
        var site = sandbox.Seed.SiteIds[0];
        var unassignedBefore = (await Page(client, $"/api/v1/orgs/{org}/inventory?unassigned=true", 1)).Count;
        var device = (await Page(client, $"/api/v1/sites/{site}/devices?type=all", 1))[0]!;
        var id = (string)device["id"]!;
        var mac = (string)device["mac"]!;
        var before = (await Page(client, $"/api/v1/orgs/{org}/inventory?mac={mac}", 1)).Single()!;
        Assert.Equal(site, (string?)before["site_id"]);

        using var update = await client.PutAsync($"/api/v1/sites/{site}/devices/{id}", SandboxTestHost.Json("{\"name\": \"renamed-in-inventory\"}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var renamed = (await Page(client, $"/api/v1/orgs/{org}/inventory?mac={mac}", 1)).Single()!;
        Assert.Equal("renamed-in-inventory", (string?)renamed["name"]);
        Assert.Equal("renamed-in-inventory", (string?)renamed["hostname"]);

        // Deleting the site unassigns its devices: the cached unassigned list must grow by all of them.
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/sites/{site}", SandboxTestHost.Token)).StatusCode);
        var unassigned = await Page(client, $"/api/v1/orgs/{org}/inventory?unassigned=true&limit=1000", 1);
        Assert.Equal(30, unassigned.Count);
        Assert.True(unassigned.Count > unassignedBefore);
        Assert.All(unassigned, d => Assert.Null(d!["site_id"]));
    }

    private static async Task<JsonArray> Page(HttpClient client, string path, int page)
    {
        using var response = await client.GetAsync($"{path}&page={page}", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Page-Page").Single());
        return (await SandboxTestHost.ReadJsonAsync(response))!.AsArray();
    }
}
