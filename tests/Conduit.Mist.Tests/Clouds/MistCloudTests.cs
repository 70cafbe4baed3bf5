using Conduit.Mist.Clouds;

namespace Conduit.Mist.Tests.Clouds;

public sealed class MistCloudTests
{
    [Theory]
    [InlineData("Global 01", "api.mist.com", "api-ws.mist.com")]
    [InlineData("Global 02", "api.gc1.mist.com", "api-ws.gc1.mist.com")]
    [InlineData("Global 03", "api.ac2.mist.com", "api-ws.ac2.mist.com")]
    [InlineData("Global 04", "api.gc2.mist.com", "api-ws.gc2.mist.com")]
    [InlineData("Global 05", "api.gc4.mist.com", "api-ws.gc4.mist.com")]
    [InlineData("EMEA 01", "api.eu.mist.com", "api-ws.eu.mist.com")]
    [InlineData("EMEA 02", "api.gc3.mist.com", "api-ws.gc3.mist.com")]
    [InlineData("EMEA 03", "api.ac6.mist.com", "api-ws.ac6.mist.com")]
    [InlineData("EMEA 04", "api.gc6.mist.com", "api-ws.gc6.mist.com")]
    [InlineData("APAC 01", "api.ac5.mist.com", "api-ws.ac5.mist.com")]
    [InlineData("APAC 02", "api.gc5.mist.com", "api-ws.gc5.mist.com")]
    [InlineData("APAC 03", "api.gc7.mist.com", "api-ws.gc7.mist.com")]
    public void Parse_NameOrHost_FindsTheCloudAndItsWebSocketHost(string name, string host, string webSocketHost)
    {
        var byName = MistCloud.Parse(name);
        Assert.Same(byName, MistCloud.Parse(host));
        Assert.Same(byName, MistCloud.Parse("https://" + host + "/api/v1"));
        Assert.Same(byName, MistCloud.Parse(name.ToLowerInvariant().Replace(' ', '-')));
        Assert.Equal(host, byName.Host);
        Assert.Equal(webSocketHost, byName.WebSocketHost);
        Assert.Equal($"wss://{webSocketHost}/api-ws/v1/stream", byName.WebSocketUri.ToString());
        Assert.False(byName.IsCustom);
    }

    [Fact]
    public void All_PublicClouds_TwelveDistinctHostsByRegion()
    {
        Assert.Equal(12, MistCloud.All.Select(c => c.Host).Distinct().Count());
        Assert.Equal(5, MistCloud.All.Count(c => c.Region == MistCloudRegion.Global));
        Assert.Equal(4, MistCloud.All.Count(c => c.Region == MistCloudRegion.Emea));
        Assert.Equal(3, MistCloud.All.Count(c => c.Region == MistCloudRegion.Apac));
    }

    [Fact]
    public void Custom_SandboxUrl_KeepsHostPortAndSchemeForWebSocket()
    {
        var cloud = MistCloud.Parse("http://127.0.0.1:5123/");
        Assert.True(cloud.IsCustom);
        Assert.Equal(new Uri("http://127.0.0.1:5123/"), cloud.BaseUri);
        Assert.Equal("ws://127.0.0.1:5123/api-ws/v1/stream", cloud.WebSocketUri.ToString());
    }

    [Fact]
    public void FindByHost_PortalAndWebSocketHosts_MapToTheCloud()
    {
        Assert.Same(MistCloud.Emea01, MistCloud.FindByHost("manage.eu.mist.com"));
        Assert.Same(MistCloud.Emea01, MistCloud.FindByHost("api-ws.eu.mist.com"));
        Assert.Null(MistCloud.FindByHost("example.com"));
    }

    [Fact]
    public void TryParse_Garbage_ReturnsFalse()
    {
        Assert.False(MistCloud.TryParse("", out _));
        Assert.False(MistCloud.TryParse("ftp://x", out _));
        Assert.Throws<FormatException>(() => MistCloud.Parse("not a host/with path"));
    }

    [Theory]
    [InlineData(":x{@A", "'…@A' holds user information ('user:password@'), which a Mist cloud host or URL must not; credentials belong in the session options.")]
    [InlineData("user:cl0ud-pw-7781@api.eu.mist.com", "'…@api.eu.mist.com' holds user information ('user:password@'), which a Mist cloud host or URL must not; credentials belong in the session options.")]
    [InlineData("https://user:cl0ud-pw-7781@api.mist.com/", "'…@api.mist.com/' holds user information ('user:password@'), which a Mist cloud host or URL must not; credentials belong in the session options.")]
    public void TryParse_UserInformation_ReturnsFalseAndParseDoesNotEchoIt(string text, string message)
    {
        // Found by the fuzz suite: ":x{@A" parsed as user information before host "A" and the WebSocket URL could not be built.
        Assert.False(MistCloud.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => MistCloud.Parse(text));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("https://admin:cl0ud-pw-7781@sandbox.local/")]
    [InlineData("ftp://admin:cl0ud-pw-7781@sandbox.local/")]
    public void Custom_UrlWithUserInformation_ThrowsWithoutEchoingIt(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => MistCloud.Custom(new Uri(url)));

        Assert.DoesNotContain("cl0ud-pw-7781", ex.Message, StringComparison.Ordinal);
    }
}
