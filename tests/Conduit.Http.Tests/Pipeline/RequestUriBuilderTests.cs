using Conduit.Http.Pipeline;

namespace Conduit.Http.Tests.Pipeline;

public sealed class RequestUriBuilderTests
{
    private readonly RequestUriBuilder _builder = new(new Uri("https://api.example.com/v1?ignored=1"));

    [Fact]
    public void Build_SamePathTwice_GivesTheSameJoinedUrlInstance()
    {
        var first = _builder.Build(ApiRequest.Get("/orgs/{0}/sites", "a b"));
        var second = _builder.Build(ApiRequest.Get("orgs/{0}/sites", "a b"));
        var third = _builder.Build(ApiRequest.Get("orgs/{0}/sites", "a b"));

        Assert.Equal("https://api.example.com/v1/orgs/a%20b/sites", first.AbsoluteUri);
        Assert.Equal(first, second);
        Assert.Same(second, third);
    }

    [Fact]
    public void Build_WithQuery_AppendsEscapedParametersEveryTime()
    {
        var first = _builder.Build(ApiRequest.Get("items").WithQuery("q", "a&b").WithQuery("page", 2));
        var second = _builder.Build(ApiRequest.Get("items").WithQuery("q", "c"));
        var plain = _builder.Build(ApiRequest.Get("items"));

        Assert.Equal("https://api.example.com/v1/items?q=a%26b&page=2", first.AbsoluteUri);
        Assert.Equal("https://api.example.com/v1/items?q=c", second.AbsoluteUri);
        Assert.Equal("https://api.example.com/v1/items", plain.AbsoluteUri);
    }

    [Fact]
    public void Build_MoreDistinctPathsThanAreKept_StillBuildsEachCorrectly()
    {
        for (var i = 0; i < RequestUriBuilder.MaxCached + 50; i++)
        {
            Assert.Equal($"https://api.example.com/v1/devices/{i}", _builder.Build(ApiRequest.Get("devices/{0}", i)).AbsoluteUri);
        }

        Assert.Equal("https://api.example.com/v1/devices/300", _builder.Build(ApiRequest.Get("devices/{0}", 300)).AbsoluteUri);
    }

    [Fact]
    public void Build_RelativePathWithoutBaseAddress_ThrowsEveryTime()
    {
        var builder = new RequestUriBuilder(baseAddress: null);

        Assert.Throws<InvalidOperationException>(() => builder.Build(ApiRequest.Get("items")));
        Assert.Throws<InvalidOperationException>(() => builder.Build(ApiRequest.Get("items")));
        Assert.Equal("http://other.example/x", builder.Build(ApiRequest.Get("http://other.example/x")).AbsoluteUri);
    }
}
