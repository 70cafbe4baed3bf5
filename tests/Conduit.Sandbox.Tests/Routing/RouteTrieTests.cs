using Conduit.Sandbox.Routing;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Tests.Routing;

public sealed class RouteTrieTests
{
    private static readonly RouteTrie Trie = new(ApiTable.Default.Operations);

    [Fact]
    public void Match_LiteralAndParameterSiblings_PrefersLiteral()
    {
        var match = Trie.Match("GET", "/api/v1/orgs/6f4bf402-45f9-4d3b-8f0b-5c5d5e5f6a7b/devices/search");
        Assert.Equal("searchOrgDevices", match.Operation?.Id);
    }

    [Fact]
    public void Match_ParameterInsideSegment_CapturesValue()
    {
        var match = Trie.Match("POST", "/api/v1/sites/s1/devices/d1/image2");
        Assert.Equal("addSiteDeviceImage", match.Operation?.Id);
        Assert.Equal("2", match.Value("image_number"));
        Assert.Equal("d1", match.Value("device_id"));
    }

    [Fact]
    public void Match_TrailingSlash_IsIgnored()
        => Assert.Equal("getSelf", Trie.Match("GET", "/api/v1/self/").Operation?.Id);

    [Fact]
    public void Match_UnknownMethod_ReportsAllowedMethods()
    {
        var match = Trie.Match("PATCH", "/api/v1/self");
        Assert.Equal(RouteMatchKind.MethodNotAllowed, match.Kind);
        Assert.Equal("DELETE, GET, PUT", match.Allow);
    }

    [Fact]
    public void Match_EveryTemplate_RoutesToItsOwnOperation()
    {
        var misrouted = ApiTable.Default.Operations
            .Where(o => !o.Path.Contains('{', StringComparison.Ordinal))
            .Where(o => Trie.Match(o.Method, o.Path).Operation != o)
            .Select(o => o.ToString())
            .ToList();
        Assert.Empty(misrouted);
    }
}
