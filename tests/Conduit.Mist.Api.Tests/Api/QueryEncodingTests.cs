using Conduit.Http;
using Conduit.Mist.Api;
using Conduit.Mist.Models;

namespace Conduit.Mist.Tests.Api;

public sealed class QueryEncodingTests
{
    [Fact]
    public void CreateRequest_FalseAndZero_AreSent()
    {
        var request = OrgsInventoryApi.CreateGetRequest("org", null, null, null, null, null, null, vc: false, unassigned: true, modifiedAfter: 0, limit: 0, page: null);

        Assert.Equal(
            [new("vc", "false"), new("unassigned", "true"), new("modified_after", "0"), new("limit", "0")],
            request.Query);
    }

    [Fact]
    public void CreateRequest_NullOptionalParameters_AreNotSent()
    {
        var request = OrgsInventoryApi.CreateGetRequest("org", null, null, null, null, null, null, null, null, null, null, null);

        Assert.Empty(request.Query);
    }

    [Fact]
    public void CreateRequest_Enum_IsSentByWireName()
    {
        var request = OrgsInventoryApi.CreateGetRequest("org", null, null, DeviceType.Switch, null, null, null, null, null, null, null, null);

        Assert.Equal([new("type", "switch")], request.Query);
    }

    [Fact]
    public void CreateRequest_ExplodedArray_RepeatsTheKey()
    {
        var request = SitesDevicesApi.CreateSearchRequest(
            "site", null, null, null, null, null, null, null, null, null, null, mxedgeIds: ["a", "b c"], null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        Assert.Equal([new("mxedge_ids", "a"), new("mxedge_ids", "b c")], request.Query);
    }

    [Fact]
    public void WithQueryValues_NotExploded_JoinsWithCommas()
    {
        var request = new ApiRequest(HttpMethod.Get, "x").WithQueryValues("ids", [1L, 0L, 2L], explode: false, static v => QueryValue.Format(v));

        Assert.Equal([new("ids", "1,0,2")], request.Query);
    }

    [Fact]
    public void WithQueryValues_Dates_AreIso8601Invariant()
    {
        var date = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var request = new ApiRequest(HttpMethod.Get, "x").WithQueryValues("at", [date], explode: true, static v => QueryValue.Format(v));

        Assert.Equal([new("at", "2025-03-04T05:06:07.0000000+00:00")], request.Query);
    }

    [Fact]
    public void WithQueryValues_NullOrEmpty_AddsNothing()
    {
        var request = new ApiRequest(HttpMethod.Get, "x")
            .WithQueryValues<string>("a", null, explode: true, static v => v)
            .WithQueryValues("b", Array.Empty<string>(), explode: false, static v => v);

        Assert.Empty(request.Query);
    }

    [Fact]
    public void Enum_EveryMember_RoundTripsThroughItsWireName()
    {
        foreach (var value in Enum.GetValues<DeviceType>())
        {
            var wire = MistWireFormat.Enum(value, MistJsonContext.Default.DeviceType);
            var back = System.Text.Json.JsonSerializer.Deserialize($"\"{wire}\"", MistJsonContext.Default.DeviceType);
            Assert.Equal(value, back);
            Assert.Equal(wire, wire.ToLowerInvariant());
        }
    }
}
