using System.Net.Http.Headers;
using Conduit.Http.Authentication;
using Conduit.Redis.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Redis.Tests.Authentication;

public sealed class RedisSharedOAuth2AuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(CountingServer Server, Func<int> Issued)> StartTokenServerAsync()
    {
        var issued = 0;
        var server = await CountingServer.StartAsync(app => app.MapPost("/oauth/token", async (HttpContext ctx) =>
        {
            _ = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var n = Interlocked.Increment(ref issued);
            return Results.Json(new { access_token = "token-" + n, token_type = "bearer", expires_in = 3600 });
        }));
        return (server, () => Volatile.Read(ref issued));
    }

    private static OAuth2ClientCredentialsOptions Grant(Uri baseAddress) => new()
    {
        TokenEndpoint = new Uri(baseAddress, "oauth/token"),
        ClientId = "worker",
        ClientSecret = "sh4red-secret",
        Scopes = ["jobs"],
    };

    [Fact]
    public async Task GetTokenAsync_FourProcessesAtOnce_FetchOneTokenBetweenThem()
    {
        using var redis = RedisServer.StartOrSkip();
        var (server, issued) = await StartTokenServerAsync();
        await using var _ = server;
        var connections = Enumerable.Range(0, 4).Select(_ => redis.Connect()).ToArray();
        var providers = connections.Select(c => new RedisSharedOAuth2Authentication(Grant(server.BaseAddress), c, new RedisTokenCacheOptions { PollInterval = TimeSpan.FromMilliseconds(10) })).ToArray();
        try
        {
            var tokens = await Task.WhenAll(providers.SelectMany(p => Enumerable.Range(0, 10).Select(_ => Task.Run(async () => (await p.GetTokenAsync(Ct)).AccessToken, Ct))));

            Assert.Equal(1, issued());
            Assert.All(tokens, static t => Assert.Equal("token-1", t));
            Assert.Equal(1, providers.Sum(static p => p.TokenRequestCount));
            Assert.StartsWith("conduit:oauth2:", providers[0].Key, StringComparison.Ordinal);
            Assert.DoesNotContain("sh4red-secret", providers[0].Key, StringComparison.Ordinal);
        }
        finally
        {
            Array.ForEach(providers, static p => p.Dispose());
            Array.ForEach(connections, static c => c.Dispose());
        }
    }

    [Fact]
    public async Task RefreshAsync_TokenRejected_OneProcessFetchesAndTheOthersReuseIt()
    {
        using var redis = RedisServer.StartOrSkip();
        var (server, issued) = await StartTokenServerAsync();
        await using var _ = server;
        using var connectionA = redis.Connect();
        using var connectionB = redis.Connect();
        using var a = new RedisSharedOAuth2Authentication(Grant(server.BaseAddress), connectionA);
        using var b = new RedisSharedOAuth2Authentication(Grant(server.BaseAddress), connectionB);
        var first = await a.GetTokenAsync(Ct);
        Assert.Equal(first.AccessToken, (await b.GetTokenAsync(Ct)).AccessToken);

        using var rejectedA = new HttpRequestMessage();
        rejectedA.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.AccessToken);
        using var rejectedB = new HttpRequestMessage();
        rejectedB.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.AccessToken);
        Assert.True(await a.RefreshAsync(rejectedA, Ct));
        Assert.True(b.Refresh(rejectedB, Ct));

        Assert.Equal("token-1", first.AccessToken);
        Assert.Equal("Bearer token-2", rejectedA.Headers.Authorization!.ToString());
        Assert.Equal("Bearer token-2", rejectedB.Headers.Authorization!.ToString());
        Assert.Equal(2, issued());
    }

    [Fact]
    public async Task GetToken_RedisUnreachable_FetchesDirectly()
    {
        using var redis = RedisServer.StartOrSkip();
        var (server, issued) = await StartTokenServerAsync();
        await using var _ = server;
        using var connection = redis.Connect();
        using var provider = new RedisSharedOAuth2Authentication(Grant(server.BaseAddress), connection);
        redis.Kill();

        var token = provider.GetToken(Ct);

        Assert.Equal("token-1", token.AccessToken);
        Assert.Equal(1, issued());
    }
}
