using System.Text.Json;
using Conduit.Http;
using Conduit.Mist.Paging;
using Conduit.Mist.Sessions;
using Conduit.Mist.Tests.Sessions;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Paging;

public sealed class ConcurrentPagingTests : IAsyncLifetime
{
    private const int Devices = 300;
    private MistSandbox sandbox = null!;
    private MistSession session = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string InventoryPath => $"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory";

    public async ValueTask InitializeAsync()
    {
        var options = TokenSessionTests.Sandbox();
        options.DeviceCount = Devices;
        sandbox = await MistSandbox.StartAsync(options, Ct);
        session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o => o.ApiToken = sandbox.Seed.Tokens[0]), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task PageAsync_ByHeadersConcurrently_ReturnsEveryItemOnceInOrder()
    {
        var sequential = await session.Client.PageAsync(Inventory(limit: 10), Ct).WithMaxConcurrency(1).GetAllAsync(Ct);
        var concurrent = await session.Client.PageAsync(Inventory(limit: 10), Ct).GetAllAsync(Ct);

        Assert.Equal(Devices, concurrent.Count);
        Assert.Equal(Devices, concurrent.Select(Id).Distinct().Count());
        Assert.Equal(sequential.Select(Id), concurrent.Select(Id));
        Assert.Equal(MistSessionDefaults.PageConcurrency, session.Client.PageAsync(Inventory(limit: 10), Ct).MaxConcurrency);
    }

    [Fact]
    public async Task AsPages_ByHeaders_YieldsNumberedPagesInOrder()
    {
        var numbers = new List<int?>();
        await foreach (var page in session.Client.PageAsync(Inventory(limit: 25), Ct).AsPages(Ct))
        {
            numbers.Add(page.PageNumber);
            Assert.Equal(Devices, page.Total);
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(n => (int?)n), numbers);
    }

    [Fact]
    public async Task PageAsync_Concurrent_NeverExceedsTheBound()
    {
        var counter = new InFlightCounter { InnerHandler = new SocketsHttpHandler() };
        using var client = new ConduitClient(new HttpClient(counter), new ConduitClientOptions
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Authentication = Conduit.Http.Authentication.HeaderAuthentication.MistToken(sandbox.Seed.Tokens[0]),
        });
        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, PathPattern = InventoryPath, Delay = TimeSpan.FromMilliseconds(30) });

        var items = await client.PageAsync(Inventory(limit: 10), Ct).WithMaxConcurrency(3).GetAllAsync(Ct);

        Assert.Equal(Devices, items.Count);
        Assert.Equal(3, counter.Peak);
        Assert.Equal(MistPagingDefaults.MaxConcurrency, client.PageAsync(Inventory(limit: 10), Ct).MaxConcurrency);
    }

    [Fact]
    public async Task AsPages_APageFails_ThrowsTheTypedExceptionAndYieldsNothingOfIt()
    {
        var items = new List<JsonElement>();
        var error = await Assert.ThrowsAsync<ForbiddenException>(async () =>
        {
            await foreach (var page in session.Client.PageAsync(Inventory(limit: 10), Ct).AsPages(Ct))
            {
                items.AddRange(page.Items);
                if (page.PageNumber == 1)
                {
                    sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, PathPattern = InventoryPath, StatusCodes = [403], Count = 1 });
                }
            }
        });

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(0, items.Count % 10);
        Assert.True(items.Count < Devices);
        Assert.All(items, i => Assert.True(i.TryGetProperty("id", out _)));
    }

    [Fact]
    public async Task AsPages_Cancelled_StopsFurtherFetches()
    {
        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, PathPattern = InventoryPath, Delay = TimeSpan.FromMilliseconds(40) });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var pages = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in session.Client.PageAsync(Inventory(limit: 5), Ct).WithMaxConcurrency(4).AsPages(cancel.Token))
            {
                pages++;
                await cancel.CancelAsync();
            }
        });

        var sent = sandbox.Counters.Count("GET", InventoryPath);
        Assert.Equal(1, pages);
        Assert.InRange(sent, 1, 1 + 4);
    }

    [Fact]
    public async Task AsPages_LeftEarly_CancelsTheFetchesInFlight()
    {
        await foreach (var page in session.Client.PageAsync(Inventory(limit: 5), Ct).AsPages(Ct))
        {
            if (page.PageNumber == 2)
            {
                break;
            }
        }

        Assert.InRange(sandbox.Counters.Count("GET", InventoryPath), 2, 2 + MistSessionDefaults.PageConcurrency);
    }

    [Fact]
    public async Task GetNextPageAsync_FirstThenNext_FollowsTheHeaders()
    {
        var pageable = session.Client.PageAsync(Inventory(limit: 100), Ct);
        var first = await pageable.GetNextPageAsync(cancellationToken: Ct);
        var second = await pageable.GetNextPageAsync(first, Ct);
        var third = await pageable.GetNextPageAsync(second, Ct);
        var none = await pageable.GetNextPageAsync(third, Ct);

        Assert.Equal([1, 2, 3], new[] { first!.PageNumber, second!.PageNumber, third!.PageNumber });
        Assert.Null(none);
    }

    [Fact]
    public async Task Page_Synchronous_MatchesTheAsyncResult()
    {
        var sync = session.Client.Page(Inventory(limit: 40), Ct).GetAll();
        var async = await session.Client.PageAsync(Inventory(limit: 40), Ct).GetAllAsync(Ct);
        Assert.Equal(async.Select(Id), sync.Select(Id));
        Assert.Null(session.Client.Page(Inventory(limit: 300), Ct).GetNextPage(session.Client.Page(Inventory(limit: 300), Ct).GetNextPage()));
    }

    [Fact]
    public async Task PageAsync_ByNextLink_FollowsNextUntilNull()
    {
        var request = ApiRequest.Get("/api/v1/orgs/{0}/alarms/search", sandbox.Seed.OrgId).WithQuery("duration", "1w").WithQuery("limit", 7);
        var pages = new List<MistPage<JsonElement>>();
        await foreach (var page in session.Client.PageAsync(request, Ct).AsPages(Ct))
        {
            pages.Add(page);
        }

        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.True(pages.Count > 2);
        Assert.Equal(pages[0].Total, all.Count);
        Assert.Equal(all.Count, all.Select(Id).Distinct().Count());
        Assert.All(pages[..^1], p => Assert.False(string.IsNullOrEmpty(p.NextLink)));
        Assert.Null(pages[^1].NextLink);
    }

    [Fact]
    public async Task FromPages_TestDouble_EnumeratesWithoutHttp()
    {
        var pageable = MistAsyncPageable<int>.FromPages([new MistPage<int>([1, 2]), new MistPage<int>([3])]);
        Assert.Equal([1, 2, 3], await pageable.GetAllAsync(Ct));
    }

    private ApiRequest Inventory(int limit) => ApiRequest.Get(InventoryPath).WithQuery("limit", limit);

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private sealed class InFlightCounter : DelegatingHandler
    {
        private int current;
        private int peak;

        public int Peak => Volatile.Read(ref peak);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref current);
            int seen;
            while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref current);
            }
        }
    }
}
