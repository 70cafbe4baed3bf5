using Conduit.Mist.Clouds;
using Conduit.Mist.Streaming;
using Microsoft.Extensions.Options;

namespace Conduit.Mist.Tests.Streaming;

public sealed class MistStreamOptionsTests
{
    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblemInOneMessage()
    {
        var options = new MistStreamOptions
        {
            Url = new Uri("https://api.mist.com/api-ws/v1/stream"),
            ReconnectInitialDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            ReconnectBackoffFactor = 0.5,
            MaxChannelsPerConnection = 0,
            EventBufferCapacity = 0,
            SubscribeTimeout = TimeSpan.Zero,
        };

        var error = Assert.Throws<OptionsValidationException>(() => new MistStream(options));

        Assert.Equal(
        [
            "Url must be an absolute ws:// or wss:// URL (was 'https://api.mist.com/api-ws/v1/stream').",
            "Credentials is required (MistStreamCredentials.Token or MistStreamCredentials.Cookies).",
            "ReconnectMaxDelay (00:00:01) must not be below ReconnectInitialDelay (00:00:10).",
            "ReconnectBackoffFactor must be at least 1 (was 0.5).",
            "SubscribeTimeout must be positive (was 00:00:00).",
            "MaxChannelsPerConnection must be at least 1 (was 0).",
            "EventBufferCapacity must be at least 1 (was 0).",
        ], error.Failures);
    }

    [Fact]
    public void ForCloud_Emea01_UsesTheWebSocketHostAndValidates()
    {
        var options = MistStreamOptions.ForCloud(MistCloud.Emea01, MistStreamCredentials.Token("abc"));
        Assert.Equal("wss://api-ws.eu.mist.com/api-ws/v1/stream", options.Url!.ToString());
        Assert.Empty(options.GetErrors());
        Assert.Equal(TimeSpan.FromSeconds(60), options.KeepAliveInterval);
        Assert.Equal(2000, options.MaxChannelsPerConnection);
        Assert.Equal(MistStreamOverflowPolicy.DropOldest, options.OverflowPolicy);
        Assert.Equal("Token(***)", options.Credentials!.ToString());
    }

    [Fact]
    public void Channels_Factories_BuildTheDocumentedPaths()
    {
        Assert.Equal("/orgs/o/insights/summary", MistChannel.OrgInsightsSummary("o").Path);
        Assert.Equal("/orgs/o/stats/mxedges", MistChannel.OrgMxEdgeStats("o").Path);
        Assert.Equal("/orgs/o/mxedges", MistChannel.OrgMxEdges("o").Path);
        Assert.Equal("/sites/s/stats/devices", MistChannel.SiteDeviceStats("s").Path);
        Assert.Equal("/sites/s/stats/clients", MistChannel.SiteClientStats("s").Path);
        Assert.Equal("/sites/s/devices", MistChannel.SiteDevices("s").Path);
        Assert.Equal("/sites/s/stats/mxedges", MistChannel.SiteMxEdgeStats("s").Path);
        Assert.Equal("/sites/s/mxedges", MistChannel.SiteMxEdges("s").Path);
        Assert.Equal("/sites/s/pcaps", MistChannel.SitePcaps("s").Path);
        Assert.Equal("/sites/s/devices/d/cmd", MistChannel.SiteDeviceCommands("s", "d").Path);
        Assert.Equal("/sites/s/stats/maps/m/clients", MistChannel.LocationClients("s", "m").Path);
        Assert.Equal("/sites/s/stats/maps/m/sdkclients", MistChannel.LocationSdkClients("s", "m").Path);
        Assert.Equal("/sites/s/stats/maps/m/unconnected_clients", MistChannel.LocationUnconnectedClients("s", "m").Path);
        Assert.Equal("/sites/s/stats/maps/m/discovered_assets", MistChannel.LocationDiscoveredAssets("s", "m").Path);
        Assert.Equal("/sites/s/stats/maps/m/assets", MistChannel.LocationAssets("s", "m").Path);
        Assert.Equal("/any/thing", MistChannel.Raw("/any/thing").Path);
        Assert.Throws<ArgumentException>(() => MistChannel.Raw("no-slash"));
        Assert.Throws<ArgumentException>(() => MistChannel.SiteDevices("a/b"));
    }

    [Theory]
    [InlineData(0, 0.0, 0.5)]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(3, 1.0, 8.0)]
    [InlineData(10, 1.0, 60.0)]
    public void Backoff_Attempt_IsExponentialCappedAndJittered(int attempt, double random, double expectedSeconds)
    {
        var backoff = new MistStreamBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 2, jitter: true, () => random);
        Assert.Equal(expectedSeconds, backoff.Delay(attempt).TotalSeconds, 2);
    }
}
