using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Mist.Api;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Api;

public sealed class PathEscapingTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("with space", "with%20space")]
    [InlineData("ünï-码", "%C3%BCn%C3%AF-%E7%A0%81")]
    [InlineData("q?x#y", "q%3Fx%23y")]
    public void CreateRequest_PathValue_IsEscaped(string deviceId, string escaped)
    {
        var request = SitesDevicesApi.CreateGetRequest("site-1", deviceId);

        Assert.Equal($"/api/v1/sites/site-1/devices/{escaped}", request.Path);
    }

    [Fact]
    public void CreateRequest_EmptyPathValue_Throws()
        => Assert.Throws<ArgumentException>(() => SitesDevicesApi.CreateGetRequest("site-1", string.Empty));

    [Fact]
    public async Task GetAsync_EscapedPathValue_ReachesTheServerAsOneSegment()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 5 }, ct);
        using var http = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Authentication = HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        });
        var mist = new MistApiClient(http);

        // Not a uuid: the sandbox rejects the value as a path parameter, which proves it arrived as one segment.
        var error = await Assert.ThrowsAnyAsync<ApiException>(() => mist.Sites.Devices.GetAsync(sandbox.Seed.SiteIds[0], "a/b ü", ct));

        Assert.Contains("a%2Fb%20%C3%BC", error.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.True(error.StatusCode is 400 or 404, $"status {error.StatusCode}");
    }
}
