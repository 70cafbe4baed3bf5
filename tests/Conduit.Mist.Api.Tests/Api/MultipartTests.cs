using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Mist.Api;
using Conduit.Mist.Models;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Api;

public sealed class MultipartTests
{
    [Fact]
    public async Task CreateRequest_FileAndFields_BuildsMultipartParts()
    {
        var file = new MistFile("floor 1.png", new byte[] { 137, 80, 78, 71 }, "image/png");
        var request = InstallerApi.CreateImportMapRequest("org", "site", autoDeviceprofileAssignment: false, csv: null, file: file, json: null);

        var body = Assert.IsType<MultipartBody>(request.Body);
        using var content = body.CreateContent();
        var text = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("multipart/form-data", content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("name=\"auto_deviceprofile_assignment\"", text, StringComparison.Ordinal);
        Assert.Contains("false", text, StringComparison.Ordinal);
        Assert.Contains("name=\"file\"; filename=\"floor 1.png\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"csv\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"json\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRequest_JsonField_IsSentAsJsonText()
    {
        var json = new MapImportJson { VendorName = MapImportJsonVendorName.Ekahau };
        var request = InstallerApi.CreateImportMapRequest("org", "site", null, null, new MistFile("a.esx", new byte[] { 1 }), json);

        using var content = request.Body!.CreateContent();
        var text = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("{\"vendor_name\":\"ekahau\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadAsync_AgainstSandbox_IsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 5 }, ct);
        using var http = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Authentication = HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        });
        var mist = new MistApiClient(http);

        var response = await mist.Orgs.Assets.ImportMultipartAsync(sandbox.Seed.OrgId, new MistFile("assets.csv", "name,mac\na,5c5b350e0001\n"u8.ToArray(), "text/csv"), ct);

        Assert.True(response.IsSuccess);
    }
}
