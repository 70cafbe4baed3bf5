using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Streaming;

public sealed class StreamFaultTests
{
    private static async Task<(MistSandbox Sandbox, FakeTimeProvider Time)> StartAsync(Action<MistSandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var sandbox = await SandboxTestHost.StartAsync(o => { o.TimeProvider = time; o.StreamInterval = TimeSpan.Zero; configure?.Invoke(o); });
        return (sandbox, time);
    }

    private static string Channel(MistSandbox sandbox) => $"/sites/{sandbox.Seed.SiteIds[0]}/devices";

    [Fact]
    public void Spec_StreamKinds_ParseWithDefaultsAndKeys()
    {
        var faults = MistSandboxFaultSpec.Parse("ws-drop,count=1; ws-stall; ws-stall:250ms,rate=50%; ws-malformed,path=/api-ws/v1/stream");
        Assert.Equal(MistSandboxFaultKind.StreamDrop, faults[0].Kind);
        Assert.Equal(1, faults[0].Count);
        Assert.Equal(TimeSpan.FromSeconds(5), faults[1].Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(250), faults[2].Delay);
        Assert.Equal(0.5, faults[2].Probability);
        Assert.Equal(MistSandboxFaultKind.StreamMalformed, faults[3].Kind);
        Assert.Equal("/api-ws/v1/stream", faults[3].PathPattern);
        Assert.Contains("ws-drop", MistSandboxFaultSpec.Syntax, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_AbortsTheConnectionAndAReconnectResubscribes()
    {
        var (sandbox, _) = await StartAsync();
        await using var _sandbox = sandbox;
        var channel = Channel(sandbox);
        using (var client = await StreamTestClient.ConnectAsync(sandbox))
        {
            await client.SubscribeAndWaitAsync(channel);
            sandbox.Faults.Add("ws-drop,count=1,path=/api-ws/v1/stream");
            sandbox.Streams.Publish(channel, "{}");
            await Assert.ThrowsAsync<WebSocketException>(client.ReceiveTextAsync);
            Assert.Equal(WebSocketState.Aborted, client.Socket.State);
        }

        await Eventually.TrueAsync(() => sandbox.Streams.ActiveConnections == 0, "the dropped connection ended");
        using var again = await StreamTestClient.ConnectAsync(sandbox);
        await again.SubscribeAndWaitAsync(channel);
        Assert.Equal(2, sandbox.Streams.ConnectionsAccepted);
        Assert.Equal(2, sandbox.Streams.Subscriptions);
        Assert.Equal(1, sandbox.Streams.FaultsInjected);
    }

    [Fact]
    public async Task DisconnectAll_AbortsEveryConnection()
    {
        var (sandbox, _) = await StartAsync();
        await using var _sandbox = sandbox;
        using var first = await StreamTestClient.ConnectAsync(sandbox);
        using var second = await StreamTestClient.ConnectAsync(sandbox);
        await Eventually.TrueAsync(() => sandbox.Streams.ActiveConnections == 2, "both connections are registered");
        Assert.Equal(2, sandbox.Streams.DisconnectAll());
        await Assert.ThrowsAsync<WebSocketException>(first.ReceiveTextAsync);
        await Assert.ThrowsAsync<WebSocketException>(second.ReceiveTextAsync);
    }

    [Fact]
    public async Task Malformed_SendsANonJsonFrameAndTheConnectionStaysUsable()
    {
        var (sandbox, _) = await StartAsync();
        await using var _sandbox = sandbox;
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var channel = Channel(sandbox);
        await client.SubscribeAndWaitAsync(channel);
        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.StreamMalformed, Count = 1, PathPattern = MistSandboxStreams.StreamPath });
        sandbox.Streams.Publish(channel, "{\"n\": 1}");
        var spoiled = await client.ReceiveTextAsync();
        Assert.StartsWith("{\"event\":\"data\"", spoiled, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(spoiled!));

        sandbox.Streams.Publish(channel, "{\"n\": 2}");
        Assert.Equal(2, (int)(await client.ReceiveDataAsync(channel))["n"]!);
        Assert.Equal("channel_subscribed", (string?)(await client.SubscribeAndWaitAsync($"/orgs/{sandbox.Seed.OrgId}/mxedges"))["event"]);
    }

    [Fact]
    public async Task Stall_HoldsEveryFrameUntilTheStallEnds()
    {
        var (sandbox, time) = await StartAsync();
        await using var _sandbox = sandbox;
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var channel = Channel(sandbox);
        await client.SubscribeAndWaitAsync(channel);
        var sentBefore = sandbox.Streams.FramesSent;
        sandbox.Faults.Add("ws-stall:30s,count=1");
        var receive = client.ReceiveTextAsync();
        for (var n = 1; n <= 3; n++)
        {
            sandbox.Streams.Publish(channel, $"{{\"n\": {n}}}");
        }

        await Eventually.TrueAsync(() => sandbox.Streams.FaultsInjected == 1, "the stall began");
        Assert.Equal(sentBefore, sandbox.Streams.FramesSent);
        Assert.False(receive.IsCompleted);

        // The stall sleeps on the sandbox's clock: advance it until the held frames flow.
        await Eventually.TrueAsync(() => { time.Advance(TimeSpan.FromSeconds(30)); return receive.IsCompleted; }, "the stall ended");
        Assert.Equal(1, (int)JsonNode.Parse((string)JsonNode.Parse((await receive)!)!["data"]!)!["n"]!);
        Assert.Equal(2, (int)(await client.ReceiveDataAsync(channel))["n"]!);
        Assert.Equal(3, (int)(await client.ReceiveDataAsync(channel))["n"]!);
    }

    [Fact]
    public async Task SlowClient_SendQueueIsBoundedAndDropsTheOldestFrames()
    {
        var (sandbox, time) = await StartAsync(o => o.StreamSendQueueCapacity = 4);
        await using var _sandbox = sandbox;
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var channel = Channel(sandbox);
        await client.SubscribeAndWaitAsync(channel);
        sandbox.Faults.Add("ws-stall:1m,count=1");
        sandbox.Streams.Publish(channel, "{\"n\": 0}");
        await Eventually.TrueAsync(() => sandbox.Streams.FaultsInjected == 1, "the stall began");
        for (var n = 1; n <= 10; n++)
        {
            sandbox.Streams.Publish(channel, $"{{\"n\": {n}}}");
        }

        Assert.Equal(6, sandbox.Streams.FramesDropped);
        var receive = client.ReceiveDataAsync(channel);
        await Eventually.TrueAsync(() => { time.Advance(TimeSpan.FromMinutes(1)); return receive.IsCompleted; }, "the stall ended");
        Assert.Equal(0, (int)(await receive)["n"]!);
        for (var n = 7; n <= 10; n++)
        {
            Assert.Equal(n, (int)(await client.ReceiveDataAsync(channel))["n"]!);
        }
    }

    [Fact]
    public async Task StreamFaults_DoNotTouchRestRequests()
    {
        var (sandbox, _) = await StartAsync();
        await using var _sandbox = sandbox;
        sandbox.Faults.Add("ws-drop; ws-malformed; ws-stall:60m");
        using var http = SandboxTestHost.TokenClient(sandbox);
        using var self = await http.GetAsync("/api/v1/self", SandboxTestHost.Token);
        self.EnsureSuccessStatusCode();
        Assert.NotNull(await SandboxTestHost.ReadJsonAsync(self));
        Assert.Equal(0, sandbox.Faults.InjectedCount);
    }
}
