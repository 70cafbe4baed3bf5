using System.Net;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests.State;

public sealed class StatefulCoreTests
{
    [Fact]
    public async Task Site_CreateUpdateDelete_IsVisibleToLaterReads()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var org = sandbox.Seed.OrgId;
        var created = await SandboxTestHost.ReadJsonAsync(await client.PostAsync($"/api/v1/orgs/{org}/sites", SandboxTestHost.Json("{\"name\": \"Depot\", \"timezone\": \"Europe/Paris\"}"), SandboxTestHost.Token));
        var id = (string)created!["id"]!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(org, (string?)created["org_id"]);
        Assert.NotNull(created["created_time"]);
        Assert.NotNull(created["modified_time"]);

        var sites = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/orgs/{org}/sites?limit=1000", SandboxTestHost.Token));
        Assert.Contains(sites!.AsArray(), s => (string?)s!["id"] == id);

        using var update = await client.PutAsync($"/api/v1/sites/{id}", SandboxTestHost.Json("{\"notes\": \"moved\"}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var read = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/sites/{id}", SandboxTestHost.Token));
        Assert.Equal("moved", (string?)read!["notes"]);
        Assert.Equal("Depot", (string?)read["name"]);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/sites/{id}", SandboxTestHost.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/sites/{id}", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Org_Create_AppearsInSelfPrivilegesAndMspList()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var created = await SandboxTestHost.ReadJsonAsync(await client.PostAsync("/api/v1/orgs", SandboxTestHost.Json("{\"name\": \"Second Org\"}"), SandboxTestHost.Token));
        var id = (string)created!["id"]!;
        var org = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/orgs/{id}", SandboxTestHost.Token));
        Assert.Equal("Second Org", (string?)org!["name"]);
        var self = await SandboxTestHost.ReadJsonAsync(await client.GetAsync("/api/v1/self", SandboxTestHost.Token));
        Assert.Contains(self!["privileges"]!.AsArray(), p => (string?)p!["org_id"] == id);
        var orgs = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/msps/{sandbox.Seed.MspId}/orgs", SandboxTestHost.Token));
        Assert.Contains(orgs!.AsArray(), o => (string?)o!["id"] == id);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/orgs/{id}", SandboxTestHost.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/orgs/{id}", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Device_Update_IsVisibleAndInventoryListsAllDevices()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var site = sandbox.Seed.SiteIds[0];
        var devices = (await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/sites/{site}/devices", SandboxTestHost.Token)))!.AsArray();
        Assert.All(devices, d => Assert.Equal("ap", (string?)d!["type"]));
        var id = (string)devices[0]!["id"]!;
        using var update = await client.PutAsync($"/api/v1/sites/{site}/devices/{id}", SandboxTestHost.Json("{\"name\": \"renamed-ap\"}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var device = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/sites/{site}/devices/{id}", SandboxTestHost.Token));
        Assert.Equal("renamed-ap", (string?)device!["name"]);

        using var inventory = await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory?limit=1000", SandboxTestHost.Token);
        Assert.Equal(sandbox.Seed.DeviceCount, (await SandboxTestHost.ReadJsonAsync(inventory))!.AsArray().Count);
        var unassigned = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory?unassigned=true", SandboxTestHost.Token));
        Assert.All(unassigned!.AsArray(), d => Assert.Null(d!["site_id"]));
    }

    [Fact]
    public async Task Wlans_OrgAndSite_CreateGetUpdateDelete()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        foreach (var prefix in new[] { $"/api/v1/orgs/{sandbox.Seed.OrgId}/wlans", $"/api/v1/sites/{sandbox.Seed.SiteIds[1]}/wlans" })
        {
            var created = await SandboxTestHost.ReadJsonAsync(await client.PostAsync(prefix, SandboxTestHost.Json("{\"ssid\": \"Lab\", \"enabled\": true}"), SandboxTestHost.Token));
            var id = (string)created!["id"]!;
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"{prefix}/{id}", SandboxTestHost.Json("{\"ssid\": \"Lab-2\"}"), SandboxTestHost.Token)).StatusCode);
            Assert.Equal("Lab-2", (string?)(await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"{prefix}/{id}", SandboxTestHost.Token)))!["ssid"]);
            var list = (await SandboxTestHost.ReadJsonAsync(await client.GetAsync(prefix, SandboxTestHost.Token)))!.AsArray();
            Assert.Contains(list, w => (string?)w!["id"] == id);
            Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"{prefix}/{id}", SandboxTestHost.Token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{prefix}/{id}", SandboxTestHost.Token)).StatusCode);
        }
    }

    [Fact]
    public async Task Stats_OrgAndSite_CountTheSeededObjects()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var org = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/stats", SandboxTestHost.Token));
        Assert.Equal(sandbox.Seed.SiteIds.Count, (int)org!["num_sites"]!);
        Assert.Equal(sandbox.Seed.DeviceCount, (int)org["num_inventory"]!);
        var site = await SandboxTestHost.ReadJsonAsync(await client.GetAsync($"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/stats", SandboxTestHost.Token));
        Assert.Equal(sandbox.Seed.SiteIds[0], (string?)site!["id"]);
        Assert.True((int)site["num_devices"]! > 0);
    }

    [Fact]
    public async Task Seed_SameSeed_GivesSameIds()
    {
        await using var first = await SandboxTestHost.StartAsync(o => o.Seed = 42);
        await using var second = await SandboxTestHost.StartAsync(o => o.Seed = 42);
        Assert.Equal(first.Seed.OrgId, second.Seed.OrgId);
        Assert.Equal(first.Seed.SiteIds, second.Seed.SiteIds);
        Assert.Equal(first.Seed.Tokens, second.Seed.Tokens);
        Assert.Equal(first.Seed.TwoFactorUser.TotpSecret, second.Seed.TwoFactorUser.TotpSecret);
    }
}
