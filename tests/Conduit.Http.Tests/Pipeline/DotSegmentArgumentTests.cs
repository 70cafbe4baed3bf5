using Conduit.Http.Pipeline;

namespace Conduit.Http.Tests.Pipeline;

/// <summary>A path argument of "." or ".." stays inside its segment (fuzz finding: it used to climb out as a dot-segment).</summary>
public sealed class DotSegmentArgumentTests
{
    private readonly RequestUriBuilder _builder = new(new Uri("https://api.example.com/v1/"));

    [Theory]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    public void FormatPath_DotSegmentArgument_IsEscaped(string argument, string expected) =>
        Assert.Equal($"orgs/{expected}/sites", ApiRequest.FormatPath("orgs/{0}/sites", argument));

    [Theory]
    [InlineData("...", "...")]
    [InlineData("a.b", "a.b")]
    [InlineData(".hidden", ".hidden")]
    public void FormatPath_OtherDottedArguments_AreUnchanged(string argument, string expected) =>
        Assert.Equal($"orgs/{expected}/sites", ApiRequest.FormatPath("orgs/{0}/sites", argument));

    [Fact]
    public void Build_DotDotArgument_StaysInItsSegment()
    {
        var uri = _builder.Build(ApiRequest.Get("orgs/{0}/sites", ".."));

        Assert.Equal("/v1/orgs/%2E%2E/sites", uri.AbsolutePath);
        Assert.Equal("https://api.example.com/v1/orgs/%2E%2E/sites", uri.AbsoluteUri);
        Assert.Equal(["v1", "orgs", "..", "sites"], uri.AbsolutePath.Trim('/').Split('/').Select(Uri.UnescapeDataString));
    }

    [Fact]
    public void Build_DotArgumentWithQuery_StaysInItsSegmentAndKeepsTheQuery()
    {
        var uri = _builder.Build(ApiRequest.Get("orgs/{0}/sites/{1}", ".", "a b").WithQuery("q", "x y"));

        Assert.Equal("https://api.example.com/v1/orgs/%2E/sites/a%20b?q=x%20y", uri.AbsoluteUri);
    }

    [Fact]
    public void Build_LiteralDotSegmentsInTheTemplate_AreStillNormalised()
    {
        Assert.Equal("https://api.example.com/v1/sites", _builder.Build(ApiRequest.Get("orgs/../sites")).AbsoluteUri);
        Assert.Equal("https://api.example.com/v1/orgs/a%20b/sites", _builder.Build(ApiRequest.Get("orgs/{0}/./sites", "a b")).AbsoluteUri);
    }
}
