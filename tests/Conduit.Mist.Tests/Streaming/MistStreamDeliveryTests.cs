using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Conduit.Mist.Streaming;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Streaming;

public sealed class MistStreamDeliveryTests
{
    [Fact]
    public async Task OnMessage_PublishedEvent_DeliversRawAndDecodedData()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var data = new TaskCompletionSource<MistStreamEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var opened = new ConcurrentQueue<MistStreamOpened>();
        stream.OnOpen(opened.Enqueue).OnMessage(e =>
        {
            if (e.Kind == MistStreamEventKind.Data)
            {
                data.TrySetResult(e);
            }
        });
        var channel = MistChannel.SiteDeviceStats(StreamSandbox.Site(sandbox));
        stream.Subscribe(channel);
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));

        Assert.Equal(1, sandbox.Streams.Publish(channel.Path, """{"mac": "5c5b35000001", "uptime": 42}"""));
        var received = await StreamSandbox.Within(data.Task);

        Assert.Equal(channel.Path, received.Channel);
        Assert.Equal(JsonValueKind.String, received.RawData.ValueKind);
        Assert.Equal("5c5b35000001", received.Data.GetProperty("mac").GetString());
        Assert.Equal(42, received.Data.GetProperty("uptime").GetInt32());
        Assert.Equal(new MistStreamOpened(0, false, 1), Assert.Single(opened));
    }

    [Fact]
    public async Task ReadAllAsync_PublishedEvents_YieldsEveryEventInOrder()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var channel = MistChannel.OrgMxEdges(sandbox.Seed.OrgId);
        stream.Subscribe(channel);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(StreamSandbox.Token);
        cancel.CancelAfter(StreamSandbox.Timeout);

        var seen = new List<int>();
        await foreach (var e in stream.ReadAllAsync(cancel.Token))
        {
            if (e.Kind == MistStreamEventKind.Subscribed)
            {
                for (var i = 0; i < 100; i++)
                {
                    sandbox.Streams.Publish(channel.Path, $"{{\"n\": {i}}}");
                }
            }
            else if (e.Kind == MistStreamEventKind.Data)
            {
                seen.Add(e.Data.GetProperty("n").GetInt32());
                if (seen.Count == 100)
                {
                    break;
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, 100), seen);
        Assert.Equal(100, stream.Statistics.EventsReceived);
    }

    [Fact]
    public async Task RunAsync_UntilCancelled_DeliversPeriodicEventsAndClosesCleanly()
    {
        await using var sandbox = await StreamSandbox.StartAsync(o => o.StreamInterval = TimeSpan.FromMilliseconds(20));
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(StreamSandbox.Token);
        var closed = new TaskCompletionSource<MistStreamClosed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = 0;
        stream.Subscribe(MistChannel.OrgInsightsSummary(sandbox.Seed.OrgId))
            .OnMessage(e =>
            {
                if (e.Kind == MistStreamEventKind.Data && Interlocked.Increment(ref events) == 3)
                {
                    stop.Cancel();
                }
            })
            .OnClose(c => closed.TrySetResult(c));

        await StreamSandbox.Within(stream.RunAsync(stop.Token));

        var close = await StreamSandbox.Within(closed.Task);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, close.Status);
        Assert.False(close.WillReconnect);
        Assert.True(stream.Completion.IsCompletedSuccessfully);
        await StreamSandbox.EventuallyAsync(() => sandbox.Streams.ActiveConnections == 0, "the server saw the connection close");
        Assert.Equal(0, sandbox.Streams.ClientErrors);
    }

    [Fact]
    public async Task ReadAllAsync_RestDeviceUpdate_YieldsTheUpdatedDevice()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var site = StreamSandbox.Site(sandbox);
        using var http = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", sandbox.Seed.Tokens[0]);
        using var list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/sites/{site}/devices", StreamSandbox.Token));
        var deviceId = list.RootElement[0].GetProperty("id").GetString()!;
        var channel = MistChannel.SiteDevices(site);
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(StreamSandbox.Token);
        cancel.CancelAfter(StreamSandbox.Timeout);

        await using var reader = stream.ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = reader.MoveNextAsync(); // registers the reader before the write
        using (var put = await http.PutAsync($"/api/v1/sites/{site}/devices/{deviceId}", new StringContent("{\"name\": \"renamed-ap\"}", Encoding.UTF8, "application/json"), StreamSandbox.Token))
        {
            put.EnsureSuccessStatusCode();
        }

        while (await next && reader.Current.Kind != MistStreamEventKind.Data)
        {
            next = reader.MoveNextAsync();
        }

        var update = reader.Current;
        Assert.Equal(channel.Path, update.Channel);
        Assert.Equal(deviceId, update.Data.GetProperty("id").GetString());
        Assert.Equal("renamed-ap", update.Data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task OnError_MalformedFrame_IsReportedAndTheStreamKeepsGoing()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var errors = new ConcurrentQueue<MistStreamException>();
        var data = new ConcurrentQueue<MistStreamEvent>();
        stream.OnError(errors.Enqueue).OnMessage(e =>
        {
            if (e.Kind == MistStreamEventKind.Data)
            {
                data.Enqueue(e);
            }
        });
        var channel = MistChannel.SitePcaps(StreamSandbox.Site(sandbox));
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));

        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.StreamMalformed, Count = 1 });
        sandbox.Streams.Publish(channel.Path, """{"n": 1}""");
        sandbox.Streams.Publish(channel.Path, """{"n": 2}""");

        await StreamSandbox.EventuallyAsync(() => !data.IsEmpty, "the next event arrived");
        Assert.Equal(2, Assert.Single(data).Data.GetProperty("n").GetInt32());
        var malformed = Assert.Single(errors);
        Assert.Equal(MistStreamErrorKind.MalformedFrame, malformed.Kind);
        Assert.Equal(1, stream.Statistics.MalformedFrames);
        Assert.Equal(1, sandbox.Streams.ConnectionsAccepted);
        Assert.Equal(0, stream.Statistics.Reconnects);
    }

    [Fact]
    public async Task OnMessage_SlowCallbackWithDropOldest_DropsAndCountsWithoutBlockingTheReceiveLoop()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        var options = StreamSandbox.Options(sandbox);
        options.EventBufferCapacity = 10;
        await using var stream = new MistStream(options);
        using var release = new SemaphoreSlim(0);
        var channel = MistChannel.SitePcaps(StreamSandbox.Site(sandbox));
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));
        stream.OnMessage(async (e, ct) => await release.WaitAsync(ct));

        for (var i = 0; i < 200; i++)
        {
            sandbox.Streams.Publish(channel.Path, $"{{\"n\": {i}}}");
        }

        await StreamSandbox.EventuallyAsync(() => stream.Statistics.EventsReceived == 200, "the receive loop read every frame");
        Assert.InRange(stream.Statistics.EventsDropped, 180, 200);
        release.Release(1000);
    }
}
