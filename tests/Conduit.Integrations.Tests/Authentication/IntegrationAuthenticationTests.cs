using Conduit.Http;
using Conduit.Integrations.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Integrations.Tests.Authentication;

public sealed class IntegrationAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<LoopbackServer> StartEchoAsync(Func<int>? issueToken = null) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/echo", (HttpContext c) => Results.Text($"{c.Request.Headers.Authorization}|{c.Request.Headers["X-Key"]}|{c.Request.Query["key"]}"));
        app.MapPost("/oauth/token", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync(c.RequestAborted);
            return form["grant_type"] == "client_credentials" && c.Request.Headers.Authorization == "Basic " + Convert.ToBase64String("app:app-secret"u8)
                ? Results.Json(new { access_token = "issued-" + issueToken!(), token_type = "bearer", expires_in = 3600 })
                : Results.StatusCode(401);
        });
        app.MapGet("/fail", () => Results.StatusCode(403));
    });

    private static async Task<string> EchoAsync(Uri baseUrl, Action<IntegrationAuthenticationOptions> configure, Func<string, string?>? env = null)
    {
        using var manager = new IntegrationManager(new IntegrationManagerOptions { Environment = env });
        var options = TestIntegrations.Fast("api", baseUrl);
        configure(options.Authentication);
        manager.Register(options);
        return (await manager.GetAsync("api", "echo", Ct)).Text;
    }

    [Fact]
    public async Task GetAsync_None_SendsNoCredentials()
    {
        await using var server = await StartEchoAsync();

        Assert.Equal("||", await EchoAsync(server.BaseAddress, static a => a.Type = IntegrationAuthenticationType.None));
    }

    [Fact]
    public async Task GetAsync_ApiKeyInCustomHeader_SendsTheKeyFromTheEnvironment()
    {
        await using var server = await StartEchoAsync();

        var text = await EchoAsync(server.BaseAddress, static a =>
        {
            a.Type = IntegrationAuthenticationType.ApiKey;
            a.ApiKey = "${ENV:MY_KEY}";
            a.HeaderName = "X-Key";
        }, static n => n == "MY_KEY" ? "k-123" : null);

        Assert.Equal("|k-123|", text);
    }

    [Fact]
    public async Task GetAsync_ApiKeyInQuery_SendsTheKeyAsParameter()
    {
        await using var server = await StartEchoAsync();

        var text = await EchoAsync(server.BaseAddress, static a =>
        {
            a.Type = IntegrationAuthenticationType.ApiKey;
            a.ApiKey = "q-456";
            a.ApiKeyLocation = ApiKeyLocation.Query;
            a.QueryParameter = "key";
        });

        Assert.Equal("||q-456", text);
    }

    [Fact]
    public async Task GetAsync_Bearer_SendsAuthorizationBearer()
    {
        await using var server = await StartEchoAsync();

        Assert.Equal("Bearer tok-789||", await EchoAsync(server.BaseAddress, static a => { a.Type = IntegrationAuthenticationType.Bearer; a.Token = "tok-789"; }));
    }

    [Fact]
    public async Task GetAsync_MistToken_SendsAuthorizationToken()
    {
        await using var server = await StartEchoAsync();

        Assert.Equal("Token mist-1||", await EchoAsync(server.BaseAddress, static a => { a.Type = IntegrationAuthenticationType.MistToken; a.Token = "mist-1"; }));
    }

    [Fact]
    public async Task GetAsync_Basic_SendsEncodedCredentials()
    {
        await using var server = await StartEchoAsync();

        var text = await EchoAsync(server.BaseAddress, static a => { a.Type = IntegrationAuthenticationType.Basic; a.Username = "user"; a.Password = "p@ss"; });

        Assert.Equal("Basic " + Convert.ToBase64String("user:p@ss"u8) + "||", text);
    }

    [Fact]
    public async Task GetAsync_OAuth2_FetchesOneTokenForManyCalls()
    {
        var issued = 0;
        await using var server = await StartEchoAsync(() => Interlocked.Increment(ref issued));
        using var manager = new IntegrationManager();
        var options = TestIntegrations.Fast("api", server.BaseAddress);
        options.Authentication = new IntegrationAuthenticationOptions
        {
            Type = IntegrationAuthenticationType.OAuth2,
            TokenUrl = new Uri(server.BaseAddress, "oauth/token"),
            ClientId = "app",
            ClientSecret = "app-secret",
            Scopes = ["read"],
        };
        manager.Register(options);

        var texts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => manager.GetAsync("api", "echo", Ct)));

        Assert.All(texts, static r => Assert.Equal("Bearer issued-1||", r.Text));
        Assert.Equal(1, issued);
    }

    [Fact]
    public async Task GetAsync_FailedCall_ExceptionMessageHasNoSecret()
    {
        await using var server = await StartEchoAsync();
        using var manager = new IntegrationManager();
        var options = TestIntegrations.Fast("api", server.BaseAddress);
        options.Authentication = new IntegrationAuthenticationOptions { Type = IntegrationAuthenticationType.ApiKey, ApiKey = "very-secret-key", ApiKeyLocation = ApiKeyLocation.Query };
        manager.Register(options);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => manager.GetAsync("api", "fail", Ct));

        Assert.DoesNotContain("very-secret-key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-key", ex.RequestUri!.ToString(), StringComparison.Ordinal);
    }
}
