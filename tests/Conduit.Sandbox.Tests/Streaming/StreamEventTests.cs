using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Streaming;

public sealed class StreamEventTests
{
    [Fact]
    public async Task Periodic_FakeClock_OneDeviceStatsFramePerTickWithDataAsAJsonString()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.TimeProvider = time; o.StreamInterval = TimeSpan.FromSeconds(2); });
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var site = sandbox.Seed.SiteIds[0];
        var channel = $"/sites/{site}/stats/devices";
        await client.SubscribeAndWaitAsync(channel);

        var seen = new HashSet<string>();
        for (var tick = 0; tick < 3; tick++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            var frame = await client.ReceiveAsync();
            Assert.Equal("data", (string?)frame["event"]);
            Assert.Equal(channel, (string?)frame["channel"]);
            Assert.Equal(System.Text.Json.JsonValueKind.String, frame["data"]!.GetValueKind());
            var stats = JsonNode.Parse((string)frame["data"]!)!.AsObject();
            Assert.Equal(site, (string?)stats["site_id"]);
            Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), (long)stats["last_seen"]!);
            Assert.Contains((string?)stats["status"], new[] { "connected", "disconnected" });
            seen.Add((string)stats["id"]!);
        }

        Assert.Equal(3, seen.Count); // each tick reports on the next device of the site
    }

    [Fact]
    public async Task Periodic_RealClockShortInterval_EveryPeriodicChannelGetsEvents()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.StreamInterval = TimeSpan.FromMilliseconds(20));
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var org = sandbox.Seed.OrgId;
        var site = sandbox.Seed.SiteIds[0];
        var map = Guid.NewGuid();
        var clientStats = await Await(client, $"/sites/{site}/stats/clients");
        Assert.NotNull((string?)clientStats["ap_mac"]);
        var insights = await Await(client, $"/orgs/{org}/insights/summary");
        Assert.True((int)insights["num_devices"]! > 0);
        Assert.NotNull((string?)(await Await(client, $"/orgs/{org}/stats/mxedges"))["id"]);
        Assert.Equal(map.ToString(), (string?)(await Await(client, $"/sites/{site}/stats/maps/{map}/clients"))["map_id"]);
        Assert.NotNull((string?)(await Await(client, $"/sites/{site}/stats/maps/{map}/discovered_assets"))["manufacture"]);
    }

    private static async Task<JsonObject> Await(StreamTestClient client, string channel)
    {
        await client.SubscribeAsync(channel);
        return await client.ReceiveDataAsync(channel);
    }

    [Fact]
    public async Task RestDeviceUpdate_EmitsTheUpdatedDeviceOnTheSiteDevicesChannel()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.StreamInterval = TimeSpan.Zero);
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var site = sandbox.Seed.SiteIds[0];
        using var http = SandboxTestHost.TokenClient(sandbox);
        var device = (await SandboxTestHost.ReadJsonAsync(await http.GetAsync($"/api/v1/sites/{site}/devices", SandboxTestHost.Token)))![0]!;
        var id = (string)device["id"]!;
        var channel = $"/sites/{site.ToUpperInvariant()}/devices";
        await client.SubscribeAndWaitAsync(channel);

        using var put = await http.PutAsync($"/api/v1/sites/{site}/devices/{id}", SandboxTestHost.Json("{\"name\": \"renamed-ap\"}"), SandboxTestHost.Token);
        put.EnsureSuccessStatusCode();
        var update = await client.ReceiveDataAsync(channel); // the channel as the client spelled it
        Assert.Equal(id, (string?)update["id"]);
        Assert.Equal("renamed-ap", (string?)update["name"]);
    }

    [Fact]
    public async Task RestDeviceCommand_EmitsOutputOnTheCmdChannelAndUpgradeOnDevices()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.StreamInterval = TimeSpan.Zero);
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var site = sandbox.Seed.SiteIds[0];
        using var http = SandboxTestHost.TokenClient(sandbox);
        var id = (string)(await SandboxTestHost.ReadJsonAsync(await http.GetAsync($"/api/v1/sites/{site}/devices", SandboxTestHost.Token)))![0]!["id"]!;
        var cmd = $"/sites/{site}/devices/{id}/cmd";
        await client.SubscribeAndWaitAsync(cmd);
        await client.SubscribeAndWaitAsync($"/sites/{site}/devices");

        using var arp = await http.PostAsync($"/api/v1/sites/{site}/devices/{id}/arp", SandboxTestHost.Json("{}"), SandboxTestHost.Token);
        arp.EnsureSuccessStatusCode();
        var output = await client.ReceiveDataAsync(cmd);
        Assert.Equal("arp", (string?)output["command"]);
        Assert.Contains("arp", (string?)output["raw"], StringComparison.Ordinal);
        Assert.NotNull((string?)output["session"]);

        using var upgrade = await http.PostAsync($"/api/v1/sites/{site}/devices/{id}/upgrade", SandboxTestHost.Json("{\"version\": \"0.14.1\"}"), SandboxTestHost.Token);
        upgrade.EnsureSuccessStatusCode();
        var upgrading = await client.ReceiveDataAsync($"/sites/{site}/devices");
        Assert.Equal("upgrading", (string?)upgrading["status"]);
    }

    [Fact]
    public async Task Publish_SendsToSubscribersOnlyAndRejectsNonJson()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.StreamInterval = TimeSpan.Zero);
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var channel = $"/orgs/{sandbox.Seed.OrgId}/mxedges";
        await client.SubscribeAndWaitAsync(channel);
        Assert.Equal(1, sandbox.Streams.Publish(channel, "{\"note\": \"quote \\\" and é\"}"));
        Assert.Equal(0, sandbox.Streams.Publish($"/orgs/{Guid.NewGuid()}/mxedges", "{}"));
        var text = await client.ReceiveTextAsync();
        Assert.Equal($"{{\"event\":\"data\",\"channel\":\"{channel}\",\"data\":\"{{\\\"note\\\": \\\"quote \\\\\\\" and é\\\"}}\"}}", text);
        Assert.Equal("quote \" and é", (string?)(JsonNode.Parse((string)JsonNode.Parse(text!)!["data"]!)!["note"]));
        Assert.Throws<ArgumentException>(() => sandbox.Streams.Publish(channel, "{not json"));
    }
}
