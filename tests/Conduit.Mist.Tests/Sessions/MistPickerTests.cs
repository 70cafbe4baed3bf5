using Conduit.Mist.Clouds;
using Conduit.Mist.Sessions;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Sessions;

public sealed class MistPickerTests : IAsyncLifetime
{
    private MistSandbox sandbox = null!;
    private MistSession session = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        sandbox = await MistSandbox.StartAsync(TokenSessionTests.Sandbox(), Ct);
        session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o => o.ApiToken = sandbox.Seed.Tokens[0]), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task PickOrgsAsync_InvalidThenValidAnswer_ListsNumberedAndReturnsThePick()
    {
        var output = new StringWriter();
        var picker = new MistPicker(session, new StringReader("7\nabc\n0\n"), output);

        var picked = await picker.PickOrgsAsync(cancellationToken: Ct);

        Assert.Equal(sandbox.Seed.OrgId, Assert.Single(picked).Id);
        var text = output.ToString();
        Assert.Contains($"0) {picked[0].Name} (id: {sandbox.Seed.OrgId})", text, StringComparison.Ordinal);
        Assert.Contains("Select an Org (0 to ", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("Invalid input").Length - 1);
    }

    [Fact]
    public async Task PickSitesAsync_ManyWithRange_ReturnsThoseSites()
    {
        var picker = new MistPicker(session, new StringReader("0-1,3\n"), new StringWriter());
        var sites = await picker.PickSitesAsync(sandbox.Seed.OrgId, allowMany: true, Ct);
        Assert.Equal(3, sites.Count);
        Assert.All(sites, s => Assert.Contains(s.Id, sandbox.Seed.SiteIds));
    }

    [Fact]
    public async Task PickSitesAsync_Quit_ReturnsEmpty()
    {
        var picker = new MistPicker(session, new StringReader("q\n"), new StringWriter());
        Assert.Empty(await picker.PickSitesAsync(sandbox.Seed.OrgId, cancellationToken: Ct));
    }

    [Fact]
    public async Task FindSiteAsync_ByNameOrId_FindsIt()
    {
        var picker = new MistPicker(session, TextReader.Null, TextWriter.Null);
        var sites = await picker.ListSitesAsync(sandbox.Seed.OrgId, Ct);
        var byName = await picker.FindSiteAsync(sandbox.Seed.OrgId, sites[2].Name.ToUpperInvariant(), Ct);
        Assert.Equal(sites[2], byName);
        Assert.Equal(sites[2], await picker.FindSiteAsync(sandbox.Seed.OrgId, sites[2].Id, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => picker.FindSiteAsync(sandbox.Seed.OrgId, "No such site", Ct));
        Assert.Equal(sandbox.Seed.OrgId, (await picker.FindOrgAsync(sandbox.Seed.OrgId, Ct)).Id);
    }

    [Fact]
    public void PickCloud_Answer_ReturnsTheListedCloud()
    {
        var output = new StringWriter();
        var cloud = MistPicker.PickCloud(new StringReader("0\n"), output);
        Assert.Same(MistCloud.Apac01, cloud);
        Assert.Contains("0) APAC 01 (host: api.ac5.mist.com)", output.ToString(), StringComparison.Ordinal);
    }
}
