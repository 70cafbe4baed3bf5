using System.Text.Json;
using Conduit.Sandbox;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Mist;

public sealed class MistListCommandTests : IAsyncLifetime
{
    private MistCliHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await MistCliHarness.StartAsync(o => o.DeviceCount = 260);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private string[] Credentials => ["--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt"];

    [Fact]
    public async Task Orgs_TableAndJson_ListTheSandboxOrg()
    {
        var table = await harness.RunAsync(["orgs", .. Credentials]);
        var json = await harness.RunAsync(["orgs", "--json", .. Credentials]);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(harness.Sandbox.Seed.OrgId, table.Output, StringComparison.Ordinal);
        Assert.Contains("Role", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var orgs = document.RootElement.GetProperty("orgs").EnumerateArray().ToList();
        Assert.Equal(orgs.Count, document.RootElement.GetProperty("count").GetInt32());
        var org = Assert.Single(orgs, o => o.GetProperty("id").GetString() == harness.Sandbox.Seed.OrgId);
        Assert.Equal(JsonValueKind.String, org.GetProperty("name").ValueKind);
        Assert.Equal("admin", org.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Sites_ByOrgNameOrId_ListEverySite()
    {
        var byId = await harness.RunAsync(["sites", "--org", harness.Sandbox.Seed.OrgId, "--json", .. Credentials]);
        using var document = JsonDocument.Parse(byId.Output);
        var orgName = document.RootElement.GetProperty("org_name").GetString()!;
        var table = await harness.RunAsync(["sites", "--org", orgName.ToUpperInvariant(), .. Credentials]);

        Assert.True(byId.ExitCode == 0, byId.ToString());
        var ids = document.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(harness.Sandbox.Seed.SiteIds.Order(StringComparer.Ordinal), ids);
        Assert.Equal(harness.Sandbox.Seed.SiteIds.Count, document.RootElement.GetProperty("count").GetInt32());
        Assert.All(document.RootElement.GetProperty("sites").EnumerateArray(), s => Assert.True(s.TryGetProperty("timezone", out _)));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.All(harness.Sandbox.Seed.SiteIds, id => Assert.Contains(id, table.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sites_UnknownOrg_ExitsTwoListingTheKnownOnes()
    {
        var run = await harness.RunAsync(["sites", "--org", "no such org", .. Credentials]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No org is named 'no such org'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_ServerError_ExitsOne()
    {
        harness.Variables["MIST_MAX_RETRIES"] = "0";
        harness.Sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [500], PathPattern = "/api/v1/orgs/*/sites" });

        var run = await harness.RunAsync(["sites", "--org", harness.Sandbox.Seed.OrgId, .. Credentials]);
        var json = await harness.RunAsync(["sites", "--org", harness.Sandbox.Seed.OrgId, "--json", .. Credentials]);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Output.Trim().Split('\n'));
        Assert.Contains("500", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.False(document.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Devices_SeveralPages_ReturnsEveryDeviceOnce()
    {
        var expected = await InventoryTotalAsync("ap");

        var run = await harness.RunAsync(["devices", "--type", "ap", "--page-size", "25", "--json", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(expected > 50, $"the sandbox should have several pages of APs, has {expected}");
        using var document = JsonDocument.Parse(run.Output);
        var devices = document.RootElement.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal(expected, devices.Count);
        Assert.Equal(expected, document.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(expected, devices.Select(d => d.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(devices, d => Assert.Equal("ap", d.GetProperty("type").GetString()));
        Assert.All(devices, d => Assert.True(d.TryGetProperty("mac", out _) && d.TryGetProperty("site_id", out _) && d.TryGetProperty("connected", out _)));
    }

    [Fact]
    public async Task Devices_AllTypes_AddUpToTheInventory()
    {
        var expected = 0;
        foreach (var type in new[] { "ap", "switch", "gateway" })
        {
            expected += await InventoryTotalAsync(type);
        }

        var run = await harness.RunAsync(["devices", "--json", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(expected, document.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Devices_OneSite_OnlyThatSitesDevices()
    {
        var site = harness.Sandbox.Seed.SiteIds[0];

        var run = await harness.RunAsync(["devices", "--site", site, "--json", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var devices = document.RootElement.GetProperty("devices").EnumerateArray().ToList();
        Assert.NotEmpty(devices);
        Assert.All(devices, d => Assert.Equal(site, d.GetProperty("site_id").GetString()));
    }

    [Fact]
    public async Task Devices_Redirected_ShowsATableButNoProgress()
    {
        var run = await harness.RunAsync(["devices", "--type", "switch", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Serial", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fetching", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_OnATerminal_ShowsProgress()
    {
        var console = new TestConsole().Width(250).Interactive().EmitAnsiSequences();

        var run = await harness.RunAsync(console, string.Empty, TestContext.Current.CancellationToken, ["devices", "--type", "ap", "--page-size", "25", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Fetching ap devices", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_BadType_ExitsTwo()
    {
        var run = await harness.RunAsync(["devices", "--type", "toaster", .. Credentials]);

        Assert.Equal(2, run.ExitCode);
    }

    private async Task<int> InventoryTotalAsync(string type)
    {
        using var http = new HttpClient { BaseAddress = new Uri(harness.Sandbox.BaseUrl) };
        http.DefaultRequestHeaders.Add("Authorization", $"Token {harness.Token}");
        var response = await http.GetAsync($"/api/v1/orgs/{harness.Sandbox.Seed.OrgId}/inventory?type={type}&limit=1", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Page-Total").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
