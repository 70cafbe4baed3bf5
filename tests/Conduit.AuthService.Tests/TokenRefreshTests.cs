using Conduit.AuthService.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Conduit.AuthService.Tests.Infrastructure.Calls;

namespace Conduit.AuthService.Tests;

public sealed class TokenRefreshTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCurrentUser_AccessTokenExpired_RefreshesTransparently(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var refreshes = service.CollectRefreshes();
        using var client = service.CreateClient();
        var session = await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Edsger", "Dijkstra", Ct);

        service.Time.Advance(TimeSpan.FromMinutes(16));
        var me = await Run(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));

        Assert.Equal(session.User.Id, me.Id);
        Assert.Equal(1, service.ServerRefreshCount);
        Assert.Equal(1, refreshes.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.NotEqual(session.AccessToken, await client.GetAccessTokenAsync(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetAccessToken_WithinRefreshBeforeExpiry_ReturnsRefreshedToken(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient(o => o.RefreshBeforeExpiry = TimeSpan.FromMinutes(2));
        var session = await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Barbara", "Liskov", Ct);

        service.Time.Advance(TimeSpan.FromMinutes(12));
        var early = await Run(sync, () => client.GetAccessToken(Ct), () => client.GetAccessTokenAsync(Ct));
        service.Time.Advance(TimeSpan.FromMinutes(1.5));
        var refreshed = await Run(sync, () => client.GetAccessToken(Ct), () => client.GetAccessTokenAsync(Ct));

        Assert.Equal(session.AccessToken, early);
        Assert.NotEqual(session.AccessToken, refreshed);
        Assert.Equal(1, service.ServerRefreshCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCurrentUser_ServerRefusesTokenTheClientThinksValid_RefreshesOnceAndReplays(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();

        // The client's clock stays put, so only the server knows the token expired: the request gets a 401.
        var clientClock = new FakeTimeProvider(service.Time.GetUtcNow());
        using var client = service.CreateClient(o => o.TimeProvider = clientClock);
        await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Donald", "Knuth", Ct);
        service.Time.Advance(TimeSpan.FromMinutes(16));

        var me = await Run(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));

        Assert.Equal("Donald Knuth", me.FullName);
        Assert.Equal(1, service.ServerRefreshCount);
        Assert.Equal(1, service.ClientLogs.Count("Conduit.Http.ConduitClient", 9));
    }

    [Fact]
    public async Task GetCurrentUserAsync_100ConcurrentCallsOnExpiredToken_RefreshesExactlyOnce()
    {
        await using var service = await TestAuthService.StartAsync();
        using var refreshes = service.CollectRefreshes();
        using var client = service.CreateClient();
        await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Leslie", "Lamport", Ct);
        service.Time.Advance(TimeSpan.FromMinutes(16));

        var users = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => client.GetCurrentUserAsync(Ct), Ct)));

        Assert.All(users, u => Assert.Equal("Leslie Lamport", u.FullName));
        Assert.Equal(1, service.ServerRefreshCount);
        Assert.Equal(1, refreshes.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task GetCurrentUser_32ConcurrentSyncCallsOnExpiredToken_RefreshesExactlyOnce()
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Frances", "Allen", Ct);
        service.Time.Advance(TimeSpan.FromMinutes(16));
        var names = new string[32];
        using var start = new Barrier(names.Length);
        var threads = Enumerable.Range(0, names.Length).Select(i => new Thread(() =>
        {
            start.SignalAndWait(Ct);
            names[i] = client.GetCurrentUser(Ct).FullName;
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(names, n => Assert.Equal("Frances Allen", n));
        Assert.Equal(1, service.ServerRefreshCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refresh_RotatesTheRefreshToken_ReusingTheOldOneRevokesTheSession(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        var store = new InMemoryAuthTokenStore();
        using var client = service.CreateClient(o => o.TokenStore = store);
        await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Tony", "Hoare", Ct);
        var original = store.Load()!;

        service.Time.Advance(TimeSpan.FromMinutes(16));
        await Run(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));
        var rotated = store.Load()!;
        Assert.NotEqual(original.RefreshToken, rotated.RefreshToken);
        Assert.NotEqual(original.AccessToken, rotated.AccessToken);

        // Someone replays the rotated-out refresh token: the server detects the reuse and revokes the whole family.
        using var attacker = service.CreateClient(o => o.TokenStore = new InMemoryAuthTokenStore(original));
        var reuse = await Fails(sync, () => attacker.GetCurrentUser(Ct), () => attacker.GetCurrentUserAsync(Ct));
        Assert.Equal(401, reuse.StatusCode);
        Assert.Equal("refresh_token_reused", reuse.ErrorCode);
        Assert.False(attacker.IsAuthenticated(Ct));

        // The legitimate client's next refresh fails too, and its session is cleared.
        service.Time.Advance(TimeSpan.FromMinutes(16));
        var revoked = await Fails(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));
        Assert.Equal(401, revoked.StatusCode);
        Assert.False(client.IsAuthenticated(Ct));
        Assert.Null(store.Load());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_WrongPasswordWhileLoggedIn_ThrowsWithoutRefreshing(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var refreshes = service.CollectRefreshes();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();
        var session = await client.RegisterAsync(email, Password, "Niklaus", "Wirth", Ct);

        var refused = await Fails(sync, () => client.Login(email, "Wr0ng!Password", Ct), () => client.LoginAsync(email, "Wr0ng!Password", Ct));

        Assert.Equal(401, refused.StatusCode);
        Assert.Equal("invalid_credentials", refused.ErrorCode);
        Assert.Empty(refreshes.GetMeasurementSnapshot());
        Assert.Equal(0, service.ServerRefreshCount);
        Assert.Equal(session.AccessToken, await client.GetAccessTokenAsync(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCurrentUser_ForgedAlgNoneToken_ThrowsUnauthorizedAndEndsSession(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        var header = Base64Url("""{"alg":"none","typ":"at+jwt"}""");
        var payload = Base64Url("""{"sub":"someone","iss":"conduit-auth","aud":"conduit","exp":4102444800}""");
        var forged = new AuthTokens($"{header}.{payload}.", "not-a-real-refresh-token", "Bearer", service.Time.GetUtcNow().AddMinutes(10));
        using var client = service.CreateClient(o => o.TokenStore = new InMemoryAuthTokenStore(forged));

        var refused = await Fails(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));

        Assert.Equal(401, refused.StatusCode);
        Assert.False(client.IsAuthenticated(Ct));
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
