using System.Text.Json;
using Conduit.Cli.Commands.Mist.Call;
using Conduit.Sandbox;

namespace Conduit.Cli.Tests.Mist;

public sealed class MistCallCommandTests : IAsyncLifetime
{
    private MistCliHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await MistCliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private string[] Credentials => ["--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt"];

    private string OrgId => harness.Sandbox.Seed.OrgId;

    [Fact]
    public async Task Call_GetWithPathParameter_PrintsTheResponse()
    {
        var compact = await harness.RunAsync(["call", "getOrg", "--param", $"org_id={OrgId}", "--json", .. Credentials]);
        var pretty = await harness.RunAsync(["call", "GETORG", "--param", $"orgId={OrgId}", .. Credentials]);

        Assert.True(compact.ExitCode == 0, compact.ToString());
        Assert.Single(compact.Output.Trim().Split('\n'));
        using var json = JsonDocument.Parse(compact.Output);
        Assert.Equal(OrgId, json.RootElement.GetProperty("id").GetString());
        Assert.True(pretty.ExitCode == 0, pretty.ToString());
        Assert.True(pretty.Output.Trim().Split('\n').Length > 2, pretty.Output);
        using var prettyJson = JsonDocument.Parse(pretty.Output);
        Assert.Equal(OrgId, prettyJson.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Call_QueryParameters_AreSentByTheirDocumentNames()
    {
        var limited = await harness.RunAsync(["call", "listOrgSites", "--param", $"org_id={OrgId}", "--param", "limit=2", "--json", .. Credentials]);
        var byCSharpName = await harness.RunAsync(["call", "mist.Orgs.Sites.ListAsync", "--param", $"orgId={OrgId}", "--param", "limit=1", "--param", "page=2", "--json", .. Credentials]);
        var all = await harness.RunAsync(["call", "Orgs.Sites.List", "--param", $"org_id={OrgId}", "--param", "limit=1", "--all", "--json", .. Credentials]);

        Assert.True(limited.ExitCode == 0, limited.ToString());
        using var first = JsonDocument.Parse(limited.Output);
        Assert.Equal(2, first.RootElement.GetArrayLength());
        Assert.True(byCSharpName.ExitCode == 0, byCSharpName.ToString());
        using var second = JsonDocument.Parse(byCSharpName.Output);
        Assert.Equal(first.RootElement[1].GetProperty("id").GetString(), Assert.Single(second.RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.True(all.ExitCode == 0, all.ToString());
        using var every = JsonDocument.Parse(all.Output);
        Assert.Equal(harness.Sandbox.Seed.SiteIds.Order(StringComparer.Ordinal), every.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Call_PagedListOfUntypedItems_PrintsTheItems()
    {
        var page = await harness.RunAsync(["call", "listOrgDevicesStats", "--param", $"org_id={OrgId}", "--param", "limit=3", "--json", .. Credentials]);
        var all = await harness.RunAsync(["call", "listOrgDevicesStats", "--param", $"org_id={OrgId}", "--param", "limit=3", "--all", "--json", .. Credentials]);

        Assert.True(page.ExitCode == 0, page.ToString());
        using var first = JsonDocument.Parse(page.Output);
        Assert.Equal(JsonValueKind.Array, first.RootElement.ValueKind);
        Assert.True(all.ExitCode == 0, all.ToString());
        using var every = JsonDocument.Parse(all.Output);
        Assert.True(every.RootElement.GetArrayLength() >= first.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Call_PostWithBody_CreatesTheSite()
    {
        var bodyFile = Path.Combine(harness.ConfigDirectory, "site.json");
        Directory.CreateDirectory(harness.ConfigDirectory);
        await File.WriteAllTextAsync(bodyFile, """{"name": "From a file", "timezone": "Europe/Paris"}""", TestContext.Current.CancellationToken);

        var inline = await harness.RunAsync(["call", "createOrgSite", "--param", $"org_id={OrgId}", "--body", """{"name": "Harbour Office"}""", "--json", .. Credentials]);
        var fromFile = await harness.RunAsync(["call", "createOrgSite", "--param", $"org_id={OrgId}", "--body", "@" + bodyFile, "--json", .. Credentials]);
        var sites = await harness.RunAsync(["sites", "--org", OrgId, "--json", .. Credentials]);

        Assert.True(inline.ExitCode == 0, inline.ToString());
        using var created = JsonDocument.Parse(inline.Output);
        Assert.Equal("Harbour Office", created.RootElement.GetProperty("name").GetString());
        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        using var createdFromFile = JsonDocument.Parse(fromFile.Output);
        Assert.Equal("Europe/Paris", createdFromFile.RootElement.GetProperty("timezone").GetString());
        Assert.Contains("Harbour Office", sites.Output, StringComparison.Ordinal);
        Assert.Contains("From a file", sites.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_BadBody_ExitsTwo()
    {
        var run = await harness.RunAsync(["call", "createOrgSite", "--param", $"org_id={OrgId}", "--body", "{not json", .. Credentials]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--body is not valid JSON", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_List_FindsEveryDocumentOperation()
    {
        var all = await harness.RunAsync("call", "--list", "--json");
        var filtered = await harness.RunAsync("call", "--list", "inventory", "--json");
        var table = await harness.RunAsync("call", "--list", "OrgSites");

        Assert.Equal(0, all.ExitCode);
        using var json = JsonDocument.Parse(all.Output);
        var ids = json.RootElement.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("operation_id").GetString()).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(MistSandbox.OperationCount, ids);
        using var inventory = JsonDocument.Parse(filtered.Output);
        Assert.NotEmpty(inventory.RootElement.GetProperty("operations").EnumerateArray());
        Assert.All(inventory.RootElement.GetProperty("operations").EnumerateArray(), o =>
            Assert.Contains("inventory", o.GetProperty("operation_id").GetString() + o.GetProperty("path").GetString() + o.GetProperty("csharp").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains("listOrgSites", table.Output, StringComparison.Ordinal);
        Assert.Contains("/api/v1/orgs/{org_id}/sites", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_HelpOfAnOperation_ListsItsParameters()
    {
        var help = await harness.RunAsync("call", "listOrgSites", "--help");
        var describe = await harness.RunAsync("call", "getOrgInventory", "--describe", "--json");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("GET /api/v1/orgs/{org_id}/sites", help.Output, StringComparison.Ordinal);
        Assert.Matches(@"org_id\s*│\s*path\s*│\s*yes\s*│\s*string", help.Output);
        Assert.Matches(@"limit\s*│\s*query\s*│\s*no\s*│\s*integer", help.Output);
        Assert.Equal(0, describe.ExitCode);
        using var json = JsonDocument.Parse(describe.Output);
        var parameters = json.RootElement.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("path", parameters["org_id"].GetProperty("in").GetString());
        Assert.True(parameters["org_id"].GetProperty("required").GetBoolean());
        Assert.Equal("query", parameters["site_id"].GetProperty("in").GetString());
        Assert.Equal("siteId", parameters["site_id"].GetProperty("csharp_name").GetString());
        Assert.Equal("enum", parameters["type"].GetProperty("type").GetString());
        Assert.Contains("switch", parameters["type"].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.True(json.RootElement.GetProperty("paged").GetBoolean());
    }

    [Fact]
    public async Task Call_MultipartForm_SendsTheFile()
    {
        var csv = Path.Combine(harness.ConfigDirectory, "devices.csv");
        Directory.CreateDirectory(harness.ConfigDirectory);
        await File.WriteAllTextAsync(csv, "mac,name\n5c5b35aa0001,ap-import\n", TestContext.Current.CancellationToken);
        var site = harness.Sandbox.Seed.SiteIds[0];

        var help = await harness.RunAsync("call", "Sites.Devices.ImportMultipart", "--describe", "--json");
        var run = await harness.RunAsync(["call", "Sites.Devices.ImportMultipart", "--param", $"site_id={site}", "--param", "file=@" + csv, "--json", .. Credentials]);
        var missing = await harness.RunAsync(["call", "Sites.Devices.ImportMultipart", "--param", $"site_id={site}", "--param", "file=@" + csv + ".nope", .. Credentials]);

        using var json = JsonDocument.Parse(help.Output);
        var file = Assert.Single(json.RootElement.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "file");
        Assert.Equal("file", file.GetProperty("in").GetString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, harness.Sandbox.Counters.CountOperation("importSiteDevices"));
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task Call_HelpWithoutOperation_ShowsTheCommandsHelp()
    {
        var run = await harness.RunAsync("call", "--help");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Call_UnknownOperation_ExitsTwoSuggestingCloseNames()
    {
        var run = await harness.RunAsync(["call", "listOrgSite", .. Credentials]);
        var help = await harness.RunAsync("call", "lstOrgSites", "--help");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No Mist operation is named 'listOrgSite'", run.Output, StringComparison.Ordinal);
        Assert.Contains("listOrgSites", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, help.ExitCode);
        Assert.Contains("listOrgSites", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_MissingOrUnknownParameter_ExitsTwoBeforeAnyRequest()
    {
        var before = harness.Sandbox.Counters.Total;

        var missing = await harness.RunAsync(["call", "getOrg", .. Credentials]);
        var unknown = await harness.RunAsync(["call", "getOrg", "--param", $"org_id={OrgId}", "--param", "colour=blue", .. Credentials]);
        var badValue = await harness.RunAsync(["call", "listOrgSites", "--param", $"org_id={OrgId}", "--param", "limit=many", .. Credentials]);
        var badEnum = await harness.RunAsync(["call", "getOrgInventory", "--param", $"org_id={OrgId}", "--param", "type=toaster", .. Credentials]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("getOrg needs org_id (path)", missing.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has no parameter 'colour'", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, badValue.ExitCode);
        Assert.Contains("'many' is not an integer", badValue.Output, StringComparison.Ordinal);
        Assert.Equal(2, badEnum.ExitCode);
        Assert.Contains("switch", badEnum.Output, StringComparison.Ordinal);
        Assert.Equal(before, harness.Sandbox.Counters.Total);
    }

    [Fact]
    public async Task Call_NotFound_ExitsOneAndForbiddenExitsThree()
    {
        var notFound = await harness.RunAsync(["call", "getSiteInfo", "--param", "site_id=00000000-0000-0000-0000-000000000000", .. Credentials]);
        harness.Variables["MIST_MAX_RETRIES"] = "0";
        harness.Sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [403], PathPattern = "/api/v1/orgs/*/wlans" });
        var forbidden = await harness.RunAsync(["call", "listOrgWlans", "--param", $"org_id={OrgId}", .. Credentials]);

        Assert.Equal(1, notFound.ExitCode);
        Assert.Contains("404", notFound.Output, StringComparison.Ordinal);
        Assert.Equal(3, forbidden.ExitCode);
        Assert.DoesNotContain(harness.Token, notFound.Output + forbidden.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_EveryOperation_MapsEveryPathPlaceholder()
    {
        var problems = new List<string>();
        foreach (var operation in MistOperationCatalog.Default.Operations)
        {
            var parameters = MistOperationRequests.Parameters(operation);
            var placeholders = System.Text.RegularExpressions.Regex.Matches(operation.Path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
            var pathNames = parameters.Where(p => p.Location == MistParameterLocation.Path).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            if (!placeholders.SequenceEqual(pathNames))
            {
                problems.Add($"{operation.QualifiedName}: path {string.Join(",", placeholders)} vs {string.Join(",", pathNames)}");
            }

            problems.AddRange(parameters
                .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Conduit.Mist.Api.MistFile) && p.Location != MistParameterLocation.File)
                .Select(p => $"{operation.QualifiedName}: file {p.Name} is in {p.Location}"));

            // Query and header names come from the request the generated code builds: the document's names, never the C# ones.
            problems.AddRange(parameters
                .Where(p => p.Location is MistParameterLocation.Query && p.Name == p.ClrName && p.Name.Any(char.IsUpper))
                .Select(p => $"{operation.QualifiedName}: query parameter {p.Name} was not located"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        Assert.True(MistOperationCatalog.Default.Operations.Count >= MistSandbox.OperationCount);
    }
}
