using System.Net.Http.Headers;
using System.Text;
using Conduit.Http.Authentication;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Authentication;

public sealed class OAuth2ClientCredentialsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A token server that issues token-1, token-2… and a resource that accepts only the newest token.</summary>
    private sealed class TokenWorld
    {
        private int _issued;

        public volatile bool RejectAll;

        public string? LastGrantType;

        public string? LastClientAuthorization;

        public string? LastScope;

        public int Issued => Volatile.Read(ref _issued);

        public string Newest => "token-" + Issued;

        public void Map(WebApplication app)
        {
            app.MapPost("/oauth/token", async (HttpContext ctx) =>
            {
                var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
                LastGrantType = form["grant_type"];
                LastScope = form["scope"];
                LastClientAuthorization = ctx.Request.Headers.Authorization;
                await Task.Delay(50, ctx.RequestAborted);
                var n = Interlocked.Increment(ref _issued);
                return Results.Json(new { access_token = "token-" + n, token_type = "bearer", expires_in = 3600 });
            });
            app.MapGet("/resource", (HttpContext ctx) =>
                !RejectAll && ctx.Request.Headers.Authorization == "Bearer " + Newest ? Results.Text("secret data") : Results.StatusCode(401));
        }
    }

    private static (ConduitClient Client, OAuth2ClientCredentialsAuthentication Auth) CreateClient(LoopbackServer server, TimeProvider time)
    {
        var auth = new OAuth2ClientCredentialsAuthentication(
            new OAuth2ClientCredentialsOptions
            {
                TokenEndpoint = new Uri(server.BaseAddress, "oauth/token"),
                ClientId = "app",
                ClientSecret = "s3cret-client",
                Scopes = ["read", "write"],
            },
            timeProvider: time);
        var options = TestClients.FastOptions(server.BaseAddress);
        options.Authentication = auth;
        options.TimeProvider = time;
        return (new ConduitClient(options), auth);
    }

    [Fact]
    public async Task SendAsync_FirstCall_FetchesTokenWithClientCredentials()
    {
        var world = new TokenWorld();
        await using var server = await LoopbackServer.StartAsync(world.Map);
        var (client, auth) = CreateClient(server, new TimerWatchingTimeProvider(Start));
        using var _ = client;

        var response = await client.GetAsync("resource", TestContext.Current.CancellationToken);

        Assert.Equal("secret data", response.Text);
        Assert.Equal("client_credentials", world.LastGrantType);
        Assert.Equal("read write", world.LastScope);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app:s3cret-client")), world.LastClientAuthorization);
        Assert.Equal(Start.AddHours(1), auth.CurrentToken!.ExpiresAt);
    }

    [Fact]
    public async Task SendAsync_200ConcurrentCallsOnExpiredToken_CauseExactlyOneTokenRequest()
    {
        var world = new TokenWorld();
        await using var server = await LoopbackServer.StartAsync(world.Map);
        var time = new TimerWatchingTimeProvider(Start);
        var (client, auth) = CreateClient(server, time);
        using var _ = client;
        await client.GetAsync("resource", TestContext.Current.CancellationToken);
        Assert.Equal(1, server.Count("POST", "/oauth/token"));

        time.Advance(TimeSpan.FromHours(2));
        var calls = Enumerable.Range(0, 200).Select(_ => client.GetAsync("resource", TestContext.Current.CancellationToken));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal("secret data", r.Text));
        Assert.Equal(2, server.Count("POST", "/oauth/token"));
        Assert.Equal(2, auth.TokenRequestCount);
        Assert.Equal(200 + 1, server.Count("GET", "/resource"));
    }

    [Fact]
    public async Task SendAsync_TokenNearExpiry_IsRefreshedAhead()
    {
        var world = new TokenWorld();
        await using var server = await LoopbackServer.StartAsync(world.Map);
        var time = new TimerWatchingTimeProvider(Start);
        var (client, _) = CreateClient(server, time);
        using var __ = client;
        await client.GetAsync("resource", TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromMinutes(59.5));
        await client.GetAsync("resource", TestContext.Current.CancellationToken);

        Assert.Equal(2, world.Issued);
    }

    [Fact]
    public async Task SendAsync_401WithRevokedToken_RefreshesOnceAndReplays()
    {
        var world = new TokenWorld();
        await using var server = await LoopbackServer.StartAsync(world.Map);
        var (client, auth) = CreateClient(server, new TimerWatchingTimeProvider(Start));
        using var _ = client;
        await auth.GetTokenAsync(TestContext.Current.CancellationToken);
        // The server rotates its keys: the cached token-1 is no longer the newest it accepts.
        await new HttpClient().PostAsync(new Uri(server.BaseAddress, "oauth/token"), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        var response = await client.GetAsync("resource", TestContext.Current.CancellationToken);

        Assert.Equal("secret data", response.Text);
        Assert.Equal(2, server.Count("GET", "/resource"));
        Assert.Equal(2, auth.TokenRequestCount);
    }

    [Fact]
    public async Task SendAsync_SecondConsecutive401_SurfacesAsUnauthorized()
    {
        var world = new TokenWorld { RejectAll = true };
        await using var server = await LoopbackServer.StartAsync(world.Map);
        var (client, auth) = CreateClient(server, new TimerWatchingTimeProvider(Start));
        using var _ = client;

        var ex = await Assert.ThrowsAsync<UnauthorizedException>(() => client.GetAsync("resource", TestContext.Current.CancellationToken));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(2, server.Count("GET", "/resource"));
        Assert.Equal(2, auth.TokenRequestCount);
        Assert.DoesNotContain("token-", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SynchronousCallsOnExpiredToken_ShareOneRefresh()
    {
        var world = new TokenWorld();
        await using var server = await LoopbackServer.StartAsync(world.Map);
        var time = new TimerWatchingTimeProvider(Start);
        var (client, auth) = CreateClient(server, time);
        using var _ = client;
        client.Get("resource", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(2));

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => client.Get("resource", TestContext.Current.CancellationToken));

        Assert.Equal(2, auth.TokenRequestCount);
    }

    [Fact]
    public async Task GetTokenAsync_TokenEndpointRejectsClient_ThrowsUnauthorizedWithoutTheSecret()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/oauth/token", () =>
            Results.Json(new { error = "invalid_client", error_description = "bad client" }, statusCode: 401)));
        var (client, auth) = CreateClient(server, TimeProvider.System);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<UnauthorizedException>(() => auth.GetTokenAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("bad client", ex.Details);
        Assert.DoesNotContain("s3cret-client", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OAuth2ClientCredentialsAuthentication(new OAuth2ClientCredentialsOptions()));

        Assert.StartsWith("OAuth2 TokenEndpoint must be an absolute http(s) URL. OAuth2 ClientId is required. OAuth2 ClientSecret is required.", ex.Message, StringComparison.Ordinal);
    }
}
