using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Mist.Api;
using Conduit.Mist.Paging;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Paging;

public sealed class PageableTests
{
    [Fact]
    public async Task ListAsync_HeaderPaged_EnumeratesEveryPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 5, DeviceCount = 5 }, ct);
        var mist = Client(sandbox, out var http);
        using var _ = http;

        var pages = new List<MistPage<Conduit.Mist.Models.Site>>();
        await foreach (var page in mist.Orgs.Sites.ListAsync(sandbox.Seed.OrgId, limit: 2, cancellationToken: ct).AsPages(ct))
        {
            pages.Add(page);
        }

        var sites = await mist.Orgs.Sites.ListAsync(sandbox.Seed.OrgId, limit: 2, cancellationToken: ct).ToListAsync(ct);
        Assert.Equal(5, sites.Count);
        Assert.Equal(5, sites.Select(s => s.Id.Value).Distinct().Count());
        Assert.Equal(3, pages.Count);
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber ?? 0));
        Assert.All(pages, p => Assert.Equal(5, p.Total));
    }

    [Fact]
    public async Task List_Sync_EnumeratesEveryPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 3, DeviceCount = 5 }, ct);
        var mist = Client(sandbox, out var http);
        using var _ = http;

        var sites = mist.Orgs.Sites.List(sandbox.Seed.OrgId, limit: 1, cancellationToken: ct).ToList();

        Assert.Equal(3, sites.Count);
    }

    [Fact]
    public async Task SearchAsync_NextLinkPaged_FollowsNext()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 5 }, ct);
        var mist = Client(sandbox, out var http);
        using var _ = http;

        var pages = new List<MistPage<Conduit.Mist.Models.Alarm>>();
        await foreach (var page in mist.Orgs.Alarms.SearchAsync(sandbox.Seed.OrgId, limit: 2, duration: "1w", cancellationToken: ct).AsPages(ct))
        {
            pages.Add(page);
        }

        Assert.NotEmpty(pages);
        Assert.All(pages.SkipLast(1), p => Assert.False(string.IsNullOrEmpty(p.NextLink)));
        Assert.True(string.IsNullOrEmpty(pages[^1].NextLink));
        Assert.Equal(pages[0].Total ?? pages.Sum(p => p.Items.Count), pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public async Task FromPages_TestDouble_YieldsItemsAndPagesInOrder()
    {
        var pageable = MistAsyncPageable<int>.FromPages([new MistPage<int>([1, 2]), new MistPage<int>([]), new MistPage<int>([3])]);

        Assert.Equal([1, 2, 3], await pageable.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, MistPageable<int>.FromPages([new MistPage<int>([1]), new MistPage<int>([2, 3])]).Count() + 0);
    }

    private static MistApiClient Client(MistSandbox sandbox, out ConduitClient http)
    {
        http = new ConduitClient(new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Authentication = HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        });
        return new MistApiClient(http);
    }
}
