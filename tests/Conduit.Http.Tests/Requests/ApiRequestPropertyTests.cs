using CsCheck;

namespace Conduit.Http.Tests.Requests;

public sealed class ApiRequestPropertyTests
{
    [Fact]
    public void FormatPath_AnyValue_IsOneEscapedSegmentThatRoundTrips()
    {
        Gen.String.Where(s => s.Length > 0).Sample(value =>
        {
            var path = ApiRequest.FormatPath("sites/{0}/devices", value);
            var segment = path["sites/".Length..^"/devices".Length];
            return !segment.Contains('/', StringComparison.Ordinal)
                && !segment.Contains('?', StringComparison.Ordinal)
                && !segment.Contains('#', StringComparison.Ordinal)
                && Uri.UnescapeDataString(segment) == value;
        });
    }

    [Fact]
    public void WithQuery_Values_FormatInvariantly()
    {
        Gen.Select(Gen.Int, Gen.Double, Gen.Bool).Sample((i, d, b) =>
        {
            var query = ApiRequest.Get("x").WithQuery("i", i).WithQuery("d", d).WithQuery("b", b).Query;
            return query[0].Value == i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && query[1].Value == d.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && query[2].Value == (b ? "true" : "false");
        });
    }

    [Fact]
    public void WithQuery_FalseAndZero_AreSentNullIsSkipped()
    {
        var query = ApiRequest.Get("x").WithQuery("enabled", false).WithQuery("count", 0).WithQuery("skip", (int?)null).WithQuery("text", (string?)null).Query;

        Assert.Equal([new("enabled", "false"), new("count", "0")], query);
    }

    [Fact]
    public void FormatPath_NullArgument_ThrowsNamingItsPosition()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ApiRequest.FormatPath("orgs/{0}/sites/{1}", "a", null));

        Assert.Contains("Path argument 1 is null", ex.Message, StringComparison.Ordinal);
    }
}
