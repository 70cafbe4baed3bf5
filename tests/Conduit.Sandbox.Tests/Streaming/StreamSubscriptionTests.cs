using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Streaming;

public sealed class StreamSubscriptionTests
{
    private static Task<MistSandbox> StartAsync()
        => SandboxTestHost.StartAsync(o => o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Subscribe_EveryChannelKind_IsAcknowledged()
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var org = sandbox.Seed.OrgId;
        var site = sandbox.Seed.SiteIds[0];
        var map = Guid.NewGuid();
        using var http = SandboxTestHost.TokenClient(sandbox);
        var device = (string?)(await SandboxTestHost.ReadJsonAsync(await http.GetAsync($"/api/v1/sites/{site}/devices", SandboxTestHost.Token)))![0]!["id"];
        string[] channels =
        [
            $"/orgs/{org}/insights/summary", $"/orgs/{org}/stats/mxedges", $"/orgs/{org}/mxedges",
            $"/sites/{site}/stats/devices", $"/sites/{site}/stats/clients", $"/sites/{site}/devices", $"/sites/{site}/stats/mxedges",
            $"/sites/{site}/mxedges", $"/sites/{site}/pcaps", $"/sites/{site}/pcap", $"/sites/{site}/devices/{device}/cmd",
            $"/sites/{site}/stats/maps/{map}/clients", $"/sites/{site}/stats/maps/{map}/sdkclients", $"/sites/{site}/stats/maps/{map}/unconnected_clients",
            $"/sites/{site}/stats/maps/{map}/discovered_assets", $"/sites/{site}/stats/maps/{map}/assets",
        ];
        foreach (var channel in channels)
        {
            var ack = await client.SubscribeAndWaitAsync(channel);
            Assert.True((string?)ack["event"] == "channel_subscribed", $"{channel}: {ack.ToJsonString()}");
        }

        Assert.Equal(channels.Length - 1, sandbox.Streams.Subscriptions); // /pcap and /pcaps are one channel
        Assert.Equal(channels.Length - 1, sandbox.Streams.ActiveSubscriptions);
        Assert.Contains($"/sites/{site}/stats/devices", sandbox.Streams.ActiveChannels());
    }

    [Theory]
    [InlineData("/sites/{site}/nope", "Unknown channel")]
    [InlineData("sites/{site}/stats/devices", "Unknown channel")]
    [InlineData("/sites/not-a-uuid/stats/devices", "Invalid site_id 'not-a-uuid': not a UUID.")]
    [InlineData("/orgs/{random}/insights/summary", "You do not have permission to subscribe to this channel.")]
    [InlineData("/sites/{random}/stats/devices", "Site {random} not found.")]
    [InlineData("/sites/{site}/devices/{random}/cmd", "Device {random} not found in site {site}.")]
    [InlineData("/sites/{site}/stats/maps/x/clients", "Invalid map_id 'x': not a UUID.")]
    public async Task Subscribe_BadChannel_AnswersSubscribeFailedWithDetail(string template, string detail)
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var random = Guid.NewGuid().ToString();
        string Fill(string text) => text.Replace("{site}", sandbox.Seed.SiteIds[0], StringComparison.Ordinal).Replace("{random}", random, StringComparison.Ordinal);
        var channel = Fill(template);
        var failed = await client.SubscribeAndWaitAsync(channel);
        Assert.Equal("subscribe_failed", (string?)failed["event"]);
        Assert.StartsWith(Fill(detail), (string?)failed["detail"], StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Streams.SubscribeFailures);
        Assert.Equal(0, sandbox.Streams.ActiveSubscriptions);
    }

    [Fact]
    public async Task Unsubscribe_Subscribed_AcknowledgesAndStopsEvents()
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var channel = $"/sites/{sandbox.Seed.SiteIds[0]}/devices";
        await client.SubscribeAndWaitAsync(channel);
        await client.UnsubscribeAsync(channel);
        var ack = await client.ReceiveAsync();
        Assert.Equal($"{{\"event\":\"channel_unsubscribed\",\"channel\":\"{channel}\"}}", ack.ToJsonString());
        Assert.Equal(1, sandbox.Streams.Unsubscriptions);
        Assert.Equal(0, sandbox.Streams.Publish(channel, "{}"));
        Assert.Equal(0, sandbox.Streams.ActiveSubscriptions);
    }

    [Fact]
    public async Task Subscribe_2001Channels_AcknowledgesTheFirst2000AndRefusesTheNext()
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var site = sandbox.Seed.SiteIds[0];
        var channels = Enumerable.Range(0, 2001).Select(_ => $"/sites/{site}/stats/maps/{Guid.NewGuid()}/clients").ToList();
        var sending = Task.Run(async () =>
        {
            foreach (var channel in channels)
            {
                await client.SubscribeAsync(channel);
            }
        }, SandboxTestHost.Token);
        var acks = 0;
        string? failure = null;
        for (var i = 0; i < channels.Count; i++)
        {
            var frame = await client.ReceiveAsync();
            if ((string?)frame["event"] == "channel_subscribed")
            {
                acks++;
            }
            else
            {
                Assert.Equal(channels[^1], (string?)frame["channel"]);
                failure = (string?)frame["detail"];
            }
        }

        await sending;
        Assert.Equal(2000, acks);
        Assert.Equal("Subscription limit reached: a connection may subscribe to at most 2000 channels; open another connection for more.", failure);
        Assert.Equal(2000, sandbox.Streams.ActiveSubscriptions);

        // A repeat of a held channel is still acknowledged; another connection has its own budget.
        Assert.Equal("channel_subscribed", (string?)(await client.SubscribeAndWaitAsync(channels[0]))["event"]);
        using var second = await StreamTestClient.ConnectAsync(sandbox);
        Assert.Equal("channel_subscribed", (string?)(await second.SubscribeAndWaitAsync(channels[^1]))["event"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"subscribe\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"foo\": 1}")]
    [InlineData("{\"subscribe\": 42}")]
    [InlineData("")]
    public async Task ClientGarbage_AnswersErrorFrameAndKeepsTheConnection(string garbage)
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        await client.SendAsync(garbage);
        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["event"]);
        Assert.False(string.IsNullOrEmpty((string?)error["detail"]));
        Assert.Equal(1, sandbox.Streams.ClientErrors);
        var channel = $"/sites/{sandbox.Seed.SiteIds[0]}/devices";
        Assert.Equal("channel_subscribed", (string?)(await client.SubscribeAndWaitAsync(channel))["event"]);
    }

    [Fact]
    public async Task ClientBinaryAndOversizedMessages_AnswerErrorFrames()
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        await client.Socket.SendAsync(new byte[] { 1, 2, 3 }, System.Net.WebSockets.WebSocketMessageType.Binary, true, SandboxTestHost.Token);
        Assert.Contains("Binary", (string?)(await client.ReceiveAsync())["detail"], StringComparison.Ordinal);
        await client.SendAsync(JsonSerializer.Serialize(new { subscribe = new string('x', 100_000) }));
        Assert.Contains("too large", (string?)(await client.ReceiveAsync())["detail"], StringComparison.Ordinal);
        Assert.Equal("channel_subscribed", (string?)(await client.SubscribeAndWaitAsync($"/orgs/{sandbox.Seed.OrgId}/mxedges"))["event"]);
    }

    [Fact]
    public async Task ClientClose_IsAnsweredWithANormalClose()
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        await client.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", SandboxTestHost.Token);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Closed, client.Socket.State);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
        await Eventually.TrueAsync(() => sandbox.Streams.ActiveConnections == 0, "the server forgot the connection");
    }

    [Fact]
    public async Task SandboxDispose_ClosesOpenStreamsWithGoingAway()
    {
        var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        await Eventually.TrueAsync(() => sandbox.Streams.ActiveConnections == 1, "the server registered the connection");
        var receive = client.ReceiveTextAsync();
        await sandbox.DisposeAsync();
        Assert.Null(await receive);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, client.Socket.CloseStatus);
    }
}
