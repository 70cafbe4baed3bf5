using System.Text.Json;
using Conduit.Cli.Commands.Mist.Call;
using Conduit.Mist.Models;

namespace Conduit.Cli.Tests.Mist;

/// <summary>
/// The parts of <c>conduit mist call</c> that make values of types known only at run time: they go through the generated
/// JSON metadata and <see cref="IAsyncEnumerable{T}"/> instead of generic types made at run time, so they also work in
/// the Native AOT binary (scripts/publish-aot.sh runs the same paths there).
/// </summary>
public sealed class MistParameterValuesTests
{
    [Fact]
    public void Parse_ListParameter_SplitsCommasAndRepeats()
    {
        var parameter = Parameter("getOrg128TRegistrationCommands", "asset_ids");

        var value = MistParameterValues.Parse(parameter, ["a,b", "c"]);

        var list = Assert.IsAssignableFrom<IList<string>>(value);
        Assert.Equal(["a", "b", "c"], list);
    }

    [Fact]
    public void Build_ListParameter_PutsEveryValueInTheQuery()
    {
        var operation = MistOperationCatalog.Default.Find("getOrg128TRegistrationCommands")[0];
        var parameters = MistOperationRequests.Parameters(operation);
        var orgId = parameters.Single(p => p.Name == "org_id");
        var assetIds = parameters.Single(p => p.Name == "asset_ids");

        var request = MistOperationRequests.Build(operation, new Dictionary<MistOperationParameter, object?>
        {
            [orgId] = "org-1",
            [assetIds] = MistParameterValues.Parse(assetIds, ["a,b", "c"]),
        });

        Assert.Equal(MistParameterLocation.Query, assetIds.Location);
        Assert.Equal("/api/v1/orgs/org-1/128routers/register_cmd", request.Path);
        Assert.Equal("a,b,c", string.Join(',', request.Query.Where(q => q.Key == "asset_ids").SelectMany(q => q.Value.Split(','))));
    }

    [Fact]
    public void Sample_ValuesOfRunTimeTypes_AreMadeWithoutReflection()
    {
        var list = MistParameterValues.Sample(typeof(IList<string>), second: true);
        var models = MistParameterValues.Sample(typeof(IList<Psk>), second: false);
        var map = MistParameterValues.Sample(typeof(IDictionary<string, JunosLocalPortConfig>), second: false);
        var model = MistParameterValues.Sample(typeof(Psk), second: false);

        Assert.Equal(["probeb"], Assert.IsAssignableFrom<IList<string>>(list));
        Assert.IsType<Psk>(Assert.Single(Assert.IsAssignableFrom<IList<Psk>>(models)));
        Assert.Empty(Assert.IsAssignableFrom<IDictionary<string, JunosLocalPortConfig>>(map));
        Assert.IsType<Psk>(model);
    }

    [Fact]
    public void Sample_Enum_GivesTwoDifferentMembers()
    {
        var first = MistParameterValues.Sample(typeof(DeviceTypeDefaultAp?), second: false);
        var second = MistParameterValues.Sample(typeof(DeviceTypeDefaultAp), second: true);

        Assert.Equal(DeviceTypeDefaultAp.Ap, first);
        Assert.Equal(DeviceTypeDefaultAp.Gateway, second);
        Assert.Equal(["ap", "gateway", "switch"], MistParameterValues.AllowedValues(typeof(IList<DeviceTypeDefaultAp>)).Take(3));
    }

    [Fact]
    public void Operations_EveryPagedOperation_HasItemsTheCliCanPage()
    {
        // FirstPageAsync starts a pageable through IAsyncEnumerable<object> (classes) or IAsyncEnumerable<JsonElement>;
        // a regenerated API with another struct item type must fail here rather than in the user's hands.
        var unsupported = MistOperationCatalog.Default.Operations
            .Where(o => o.IsPaged)
            .Where(o => o.Method.ReturnType.GetGenericArguments()[0] is var item && item.IsValueType && item != typeof(JsonElement))
            .Select(o => o.QualifiedName)
            .ToList();

        Assert.Contains(MistOperationCatalog.Default.Operations, o => o.IsPaged && o.Method.ReturnType.GetGenericArguments()[0] == typeof(JsonElement));
        Assert.Empty(unsupported);
    }

    [Theory]
    [InlineData("listOrgDevicesStats", "evpntopoId", "evpntopo_id")] // pages by page number: the request is made when the first page is asked for
    [InlineData("searchOrgDevices", "band24Bandwidth", "band_24_bandwidth")] // pages by next link
    public void Parameters_PagedListOfUntypedItems_AreLocatedByProbing(string operationId, string clrName, string documentName)
    {
        var operation = MistOperationCatalog.Default.Find(operationId)[0];

        var parameter = MistOperationRequests.Parameters(operation).Single(p => p.ClrName == clrName);

        Assert.Equal(typeof(JsonElement), operation.Method.ReturnType.GetGenericArguments()[0]);
        Assert.Equal(MistParameterLocation.Query, parameter.Location);
        Assert.Equal(documentName, parameter.Name);
    }

    private static MistOperationParameter Parameter(string operationId, string name) =>
        MistOperationRequests.Parameters(MistOperationCatalog.Default.Find(operationId)[0]).Single(p => p.Name == name);
}
