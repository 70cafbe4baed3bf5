using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Mist.Api;
using Conduit.Mist.Models;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Api;

public sealed class SyncOperationTests
{
    [Fact]
    public async Task GetAndUpdate_SyncTwins_BehaveLikeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 5 }, ct);
        using var http = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Authentication = HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        });
        var mist = new MistApiClient(http);

        var viaSync = mist.Orgs.Get(sandbox.Seed.OrgId, ct);
        var viaAsync = await mist.Orgs.GetAsync(sandbox.Seed.OrgId, ct);
        var updated = mist.Orgs.Update(sandbox.Seed.OrgId, new Org { Name = "Renamed" }, ct);

        Assert.Equal(200, (int)viaSync.StatusCode);
        Assert.Equal(viaAsync.Value.Id.Value, viaSync.Value.Id.Value);
        Assert.Equal("Renamed", updated.Value.Name.Value);
        Assert.Equal("Renamed", (await mist.Orgs.GetAsync(sandbox.Seed.OrgId, ct)).Value.Name.Value);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ThrowsNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 5 }, ct);
        using var http = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Authentication = HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        });

        await Assert.ThrowsAsync<NotFoundException>(() => new MistApiClient(http).Sites.GetInfoAsync("00000000-0000-0000-0000-00000000abcd", ct));
    }
}
