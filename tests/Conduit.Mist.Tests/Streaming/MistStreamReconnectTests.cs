using System.Collections.Concurrent;
using Conduit.Mist.Streaming;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Streaming;

public sealed class MistStreamReconnectTests
{
    [Fact]
    public async Task Reconnect_AfterDisconnectAll_ReopensAndResubscribesEveryChannel()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var site = StreamSandbox.Site(sandbox);
        MistChannel[] channels = [MistChannel.SiteDevices(site), MistChannel.SiteDeviceStats(site), MistChannel.OrgInsightsSummary(sandbox.Seed.OrgId)];
        var opened = new ConcurrentQueue<MistStreamOpened>();
        var errors = new ConcurrentQueue<MistStreamException>();
        stream.Subscribe(channels).OnOpen(opened.Enqueue).OnError(errors.Enqueue);
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.EventuallyAsync(() => sandbox.Streams.ActiveSubscriptions == 3, "the first subscriptions");

        Assert.Equal(1, sandbox.Streams.DisconnectAll());

        await StreamSandbox.EventuallyAsync(() => sandbox.Streams.Subscriptions == 6 && sandbox.Streams.ActiveSubscriptions == 3, "every channel was subscribed again");
        Assert.Equal(2, sandbox.Streams.ConnectionsAccepted);
        Assert.Equal(channels.Select(c => c.Path).Order(StringComparer.Ordinal), sandbox.Streams.ActiveChannels());
        await StreamSandbox.EventuallyAsync(() => stream.Statistics.ActiveSubscriptions == 3, "the client saw the acknowledgements");
        Assert.Equal(1, stream.Statistics.Reconnects);
        await StreamSandbox.EventuallyAsync(() => opened.Count == 2, "OnOpen ran twice");
        Assert.True(opened.Last().IsReconnect);
        Assert.Contains(errors, e => e.Kind == MistStreamErrorKind.ConnectionLost);
    }

    [Fact]
    public async Task Reconnect_AfterInjectedDrop_EventsFlowAgain()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var channel = MistChannel.SitePcaps(StreamSandbox.Site(sandbox));
        var data = new ConcurrentQueue<MistStreamEvent>();
        stream.OnMessage(e =>
        {
            if (e.Kind == MistStreamEventKind.Data)
            {
                data.Enqueue(e);
            }
        });
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));

        sandbox.Faults.Add("ws-drop,count=1,path=/api-ws/v1/stream");
        sandbox.Streams.Publish(channel.Path, """{"lost": true}""");
        await StreamSandbox.EventuallyAsync(() => sandbox.Streams.Subscriptions == 2 && stream.Statistics.ActiveSubscriptions == 1, "re-subscribed after the drop");
        sandbox.Streams.Publish(channel.Path, """{"lost": false}""");

        await StreamSandbox.EventuallyAsync(() => !data.IsEmpty, "an event after the reconnect");
        Assert.False(Assert.Single(data).Data.GetProperty("lost").GetBoolean());
        Assert.Equal(1, sandbox.Streams.FaultsInjected);
        Assert.Equal(1, stream.Statistics.Reconnects);
    }

    [Fact]
    public async Task Reconnect_AutoReconnectOff_StreamCompletesAfterTheDrop()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        var options = StreamSandbox.Options(sandbox);
        options.AutoReconnect = false;
        await using var stream = new MistStream(options);
        var closed = new TaskCompletionSource<MistStreamClosed>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.OnClose(c => closed.TrySetResult(c));
        await stream.StartAsync(StreamSandbox.Token);

        sandbox.Streams.DisconnectAll();

        await StreamSandbox.Within(stream.Completion);
        var close = await StreamSandbox.Within(closed.Task);
        Assert.Null(close.Status);
        Assert.False(close.WillReconnect);
        Assert.Equal(1, sandbox.Streams.ConnectionsAccepted);
    }
}
