using Conduit.Mist.Codegen.Sdk;

namespace Conduit.Mist.Tests.Naming;

public sealed class SdkNamesTests
{
    [Theory]
    [InlineData("listOrgSites", new[] { "list", "Org", "Sites" })]
    [InlineData("listOrgAAMWProfiles", new[] { "list", "Org", "AAMW", "Profiles" })]
    [InlineData("MSPs Orgs", new[] { "MSPs", "Orgs" })]
    [InlineData("getOauth2AuthorizationUrlForLogin", new[] { "get", "Oauth2", "Authorization", "Url", "For", "Login" })]
    [InlineData("wan-link-health", new[] { "wan", "link", "health" })]
    public void Words_Identifier_SplitsAtCaseChangesAcronymsAndSeparators(string text, string[] expected)
        => Assert.Equal(expected, SdkNames.Words(text));

    [Theory]
    [InlineData("org_id", "OrgId")]
    [InlineData("MSPs", "Msps")]
    [InlineData("SLEs", "Sles")]
    [InlineData("AP Templates", "ApTemplates")]
    [InlineData("WPA2-PSK/CCMP", "Wpa2PskCcmp")]
    [InlineData("24ghz", "N24ghz")]
    [InlineData("", "Empty")]
    [InlineData("-timestamp", "Timestamp")]
    [InlineData("MxEdges", "MxEdges")]
    public void Pascal_AnyText_GivesAValidIdentifier(string text, string expected) => Assert.Equal(expected, SdkNames.Pascal(text));

    [Theory]
    [InlineData("org_id", "orgId")]
    [InlineData("event", "@event")]
    [InlineData("string", "@string")]
    [InlineData("24ghz", "n24ghz")]
    [InlineData("MAC", "mac")]
    public void Camel_ParameterName_IsCamelCaseAndEscapesKeywords(string text, string expected) => Assert.Equal(expected, SdkNames.Camel(text));

    [Theory]
    [InlineData("listOrgSites", "Orgs", "Sites", "List")]
    [InlineData("createOrgAptemplate", "Orgs", "ApTemplates", "Create")]
    [InlineData("ackOrgMultipleAlarms", "Orgs", "Alarms", "AckMultiple")]
    [InlineData("getSiteDevice", "Sites", "Devices", "Get")]
    [InlineData("createOrUpdateInstallerSites", "Installer", null, "CreateOrUpdateSites")]
    [InlineData("getOrg", "Orgs", null, "Get")]
    [InlineData("login", "Admins", "Login", "Login")]
    [InlineData("listMspOrgs", "Msps", "Orgs", "List")]
    public void Method_OperationId_DropsScopeAndGroupWords(string operationId, string top, string? sub, string expected)
        => Assert.Equal(expected, SdkNames.Method(operationId, top, sub));

    [Theory]
    [InlineData("Orgs Sites", "Orgs", "Sites")]
    [InlineData("Sites Devices - Wired - Virtual Chassis", "Sites", "DevicesWiredVirtualChassis")]
    [InlineData("MSPs", "Msps", null)]
    [InlineData("Utilities Wi-Fi", "Utilities", "WiFi")]
    public void Groups_Tag_FirstWordIsTopRestIsSub(string tag, string top, string? sub)
    {
        Assert.Equal(top, SdkNames.TopGroup(tag));
        Assert.Equal(sub, SdkNames.SubGroup(tag));
    }

    [Fact]
    public void GroupTag_UntaggedOperation_UsesFirstTwoLiteralPathSegments()
        => Assert.Equal("orgs wlans", SdkNames.GroupTag(null, "/api/v1/orgs/{org_id}/wlans/{wlan_id}"));

    [Fact]
    public void Unique_TakenName_GetsNumericSuffix()
    {
        var taken = new HashSet<string> { "Get" };
        Assert.Equal("Get2", SdkNames.Unique("Get", taken));
        Assert.Equal("Get3", SdkNames.Unique("Get", taken));
        Assert.Equal("List", SdkNames.Unique("List", taken));
    }
}
