using System.Net;
using System.Text;
using System.Text.Json;
using Conduit.Http;
using Conduit.Mist.Paging;

namespace Conduit.Mist.Tests.Paging;

/// <summary>The one-pass envelope reader against bodies a search endpoint (or a broken proxy) can send.</summary>
public sealed class MistPageReaderTests
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<IList<JsonElement>> Items = MistPagingJsonContext.Default.IListJsonElement;

    [Fact]
    public void ReadEnvelope_FieldsInAnyOrderAmongNestedValues_ReadsEachOnce()
    {
        var page = MistPageReader.ReadEnvelope(Response("""
            {"start": 1, "meta": {"results": [9], "next": "/wrong", "total": 99}, "limit": 2,
             "results": [{"id": "a", "nested": {"results": []}}, {"id": "b"}],
             "extra": [[1, 2], {"x": null}], "next": "/api/v1/next?search_after=%5B1%5D", "total": 5}
            """), Items);

        Assert.Equal(["a", "b"], page.Items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("/api/v1/next?search_after=%5B1%5D", page.NextLink);
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.Limit);
        Assert.Null(page.PageNumber);
    }

    [Fact]
    public void ReadEnvelope_FieldsOfOtherKinds_AreSkippedAsAbsent()
    {
        var page = MistPageReader.ReadEnvelope(Response("""{"next": {"href": ["/x"]}, "total": "5", "limit": 1.5, "results": {"id": "a"}}"""), Items);
        Assert.Empty(page.Items);
        Assert.Null(page.NextLink);
        Assert.Null(page.Total);
        Assert.Null(page.Limit);
    }

    [Fact]
    public void ReadEnvelope_NullNextAndByteOrderMark_EndsTheList()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"results": [1, 2, 3], "next": null}""")).ToArray();
        var page = MistPageReader.ReadEnvelope(new ApiResponse(HttpStatusCode.OK, body), Items);
        Assert.Equal(3, page.Items.Count);
        Assert.Null(page.NextLink);
    }

    [Fact]
    public void ReadEnvelope_RootNotAnObject_IsAnEmptyPage()
    {
        Assert.Empty(MistPageReader.ReadEnvelope(Response("\"nothing here\""), Items).Items);
        Assert.Empty(MistPageReader.ReadEnvelope(Response(string.Empty), Items).Items);
    }

    [Theory]
    [InlineData("""{"results": [1, 2], "total": """)]
    [InlineData("""{"results": [1], "next": null} {"again": 1}""")]
    [InlineData("   ")]
    public void ReadEnvelope_NotJson_ThrowsApiExceptionKeepingTheBody(string body)
    {
        var ex = Assert.Throws<ApiException>(() => MistPageReader.ReadEnvelope(Response(body), Items));
        Assert.Contains("with a body that is not the expected JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
        Assert.Equal(body, ex.Response!.Text);
    }

    [Theory]
    [InlineData("""{"results": ["not a number"]}""")]
    [InlineData("""{"results": [1, 2""")]
    public void ReadEnvelope_ResultsNotOfTheItemType_ThrowsTheResultsError(string body)
    {
        var ex = Assert.Throws<ApiException>(() => MistPageReader.ReadEnvelope(Response(body), MistPageReaderTestsJson.Default.IListInt32));
        Assert.Contains("with results that are not the expected JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void ReadArray_DeserialisedList_IsThePagesItems()
    {
        var page = MistPageReader.ReadArray(Response("[1, 2, 3]"), 4, MistPageReaderTestsJson.Default.IListInt32);
        Assert.Equal([1, 2, 3], page.Items);
        Assert.Equal(4, page.PageNumber);
    }

    [Theory]
    [InlineData("4294967296", "2147483648", null, null)]
    [InlineData("2147483647", "2147483647", 2147483647, 2147483647)]
    [InlineData("-1", "x", null, null)]
    public void ReadArray_PageHeaders_AreReadWithoutWrapping(string limit, string page, int? expectedLimit, int? expectedPage)
    {
        using var message = new HttpResponseMessage(HttpStatusCode.OK);
        message.Headers.TryAddWithoutValidation("X-Page-Total", "5000000000");
        message.Headers.TryAddWithoutValidation("X-Page-Limit", limit);
        message.Headers.TryAddWithoutValidation("X-Page-Page", page);
        var read = MistPageReader.ReadArray(new ApiResponse(HttpStatusCode.OK, "[]"u8.ToArray(), message.Headers), null, Items);
        Assert.Equal(5_000_000_000, read.Total);
        Assert.Equal(expectedLimit, read.Limit);
        Assert.Equal(expectedPage ?? 1, read.PageNumber);
    }

    [Theory]
    [InlineData(20_000L, 100, 20_000)]
    [InlineData(null, 100, 100)]
    [InlineData(10L, 100, 100)]
    [InlineData(long.MaxValue, 100, MistPageReader.MaxPresizedItems)]
    public void ExpectedItems_FromTheFirstPage_IsTheTotalWithinBounds(long? total, int onFirstPage, int expected)
    {
        var first = new MistPage<int>([.. Enumerable.Range(0, onFirstPage)], total: total);
        Assert.Equal(expected, MistPageReader.ExpectedItems(first));
    }

    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), requestUri: new Uri("https://api.mist.com/api/v1/orgs/o/alarms/search"));
}
