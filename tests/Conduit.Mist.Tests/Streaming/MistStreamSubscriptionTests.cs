using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Conduit.Mist.Streaming;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Streaming;

public sealed class MistStreamSubscriptionTests
{
    [Fact]
    public async Task SubscribeAsync_ValidChannel_IsAcknowledgedAndCountedByTheServer()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var messages = new ConcurrentQueue<MistStreamEvent>();
        stream.OnMessage(messages.Enqueue);
        await stream.StartAsync(StreamSandbox.Token);

        var channel = MistChannel.SiteDeviceStats(StreamSandbox.Site(sandbox));
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));

        Assert.Equal(1, sandbox.Streams.Subscriptions);
        Assert.Equal([channel.Path], sandbox.Streams.ActiveChannels());
        await StreamSandbox.EventuallyAsync(() => messages.Any(m => m.Kind == MistStreamEventKind.Subscribed), "the acknowledgement was delivered");
        Assert.Equal(channel.Path, messages.Single(m => m.Kind == MistStreamEventKind.Subscribed).Channel);
        Assert.Equal(1, stream.Statistics.ActiveSubscriptions);
    }

    [Fact]
    public async Task SubscribeAsync_UnknownChannel_FailsWithDetailAndReportsOnError()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var errors = new ConcurrentQueue<MistStreamException>();
        stream.OnError(errors.Enqueue);

        var pending = stream.SubscribeAsync(MistChannel.Raw("/nope/channel"), StreamSandbox.Token); // before the start
        await stream.StartAsync(StreamSandbox.Token);
        var failure = await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(pending));
        Assert.Equal(MistStreamErrorKind.SubscribeFailed, failure.Kind);
        Assert.Equal("/nope/channel", failure.Channel);
        Assert.StartsWith("Unknown channel", failure.Detail, StringComparison.Ordinal);
        await StreamSandbox.EventuallyAsync(() => errors.Any(e => e.Kind == MistStreamErrorKind.SubscribeFailed), "the refusal was reported");
        Assert.Empty(stream.Channels);

        var invalid = await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(stream.SubscribeAsync(MistChannel.SiteDevices("not-a-uuid"), StreamSandbox.Token)));
        Assert.Equal("Invalid site_id 'not-a-uuid': not a UUID.", invalid.Detail);
    }

    [Fact]
    public async Task SubscribeAsync_ForeignSiteWithSessionCookies_FailsWithPermissionDetail()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(sandbox.BaseUrl) })
        {
            var observer = sandbox.Seed.SiteObserver;
            var body = $"{{\"email\": \"{observer.Email}\", \"password\": \"{observer.Password}\"}}";
            using var login = await http.PostAsync("/api/v1/login", new StringContent(body, Encoding.UTF8, "application/json"), StreamSandbox.Token);
            login.EnsureSuccessStatusCode();
        }

        var options = StreamSandbox.Options(sandbox);
        options.Credentials = MistStreamCredentials.Cookies(cookies);
        await using var stream = new MistStream(options);
        await stream.StartAsync(StreamSandbox.Token);

        await StreamSandbox.Within(stream.SubscribeAsync(MistChannel.SiteDevices(StreamSandbox.Site(sandbox, 0)), StreamSandbox.Token));
        var foreign = await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(stream.SubscribeAsync(MistChannel.SiteDevices(StreamSandbox.Site(sandbox, 1)), StreamSandbox.Token)));
        Assert.Equal("You do not have permission to subscribe to this channel.", foreign.Detail);
    }

    [Fact]
    public async Task Subscribe_NeverAcknowledged_WatchdogReportsTimeoutThroughOnError()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        var options = StreamSandbox.Options(sandbox);
        options.SubscribeTimeout = TimeSpan.FromMilliseconds(200);
        await using var stream = new MistStream(options);
        var errors = new ConcurrentQueue<MistStreamException>();
        stream.OnError(errors.Enqueue);
        await stream.StartAsync(StreamSandbox.Token);
        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.StreamStall, Delay = TimeSpan.FromSeconds(1), Count = 1 });

        var channel = MistChannel.SiteDevices(StreamSandbox.Site(sandbox));
        var timeout = await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token)));

        Assert.Equal(MistStreamErrorKind.SubscribeTimeout, timeout.Kind);
        Assert.Equal(channel.Path, timeout.Channel);
        await StreamSandbox.EventuallyAsync(() => errors.Any(e => e.Kind == MistStreamErrorKind.SubscribeTimeout), "the watchdog reported");
        await StreamSandbox.EventuallyAsync(() => stream.Statistics.ActiveSubscriptions == 1, "the late acknowledgement arrived after the stall");
    }

    [Fact]
    public async Task Subscribe_2500Channels_UsesTwoConnectionsAndAllAreAcknowledged()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var site = StreamSandbox.Site(sandbox);
        var channels = Enumerable.Range(0, 2500).Select(_ => MistChannel.LocationClients(site, Guid.NewGuid().ToString())).ToList();
        stream.Subscribe(channels);
        Assert.Equal(2, stream.ConnectionCount);

        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(Task.WhenAll(channels.Select(c => stream.SubscribeAsync(c, StreamSandbox.Token))));

        Assert.Equal(2, sandbox.Streams.ActiveConnections);
        Assert.Equal(2500, sandbox.Streams.ActiveSubscriptions);
        Assert.Equal(0, sandbox.Streams.SubscribeFailures);
        Assert.Equal(2500, stream.Statistics.ActiveSubscriptions);
    }

    [Fact]
    public async Task UnsubscribeAsync_HeldChannel_IsAcknowledgedAndRemovedOnTheServer()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        var channel = MistChannel.SitePcaps(StreamSandbox.Site(sandbox));
        await stream.StartAsync(StreamSandbox.Token);
        await StreamSandbox.Within(stream.SubscribeAsync(channel, StreamSandbox.Token));

        await StreamSandbox.Within(stream.UnsubscribeAsync(channel, StreamSandbox.Token));

        Assert.Equal(1, sandbox.Streams.Unsubscriptions);
        Assert.Empty(sandbox.Streams.ActiveChannels());
        Assert.Empty(stream.Channels);
    }
}
