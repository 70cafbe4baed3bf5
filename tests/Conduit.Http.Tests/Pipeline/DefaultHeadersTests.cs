using Conduit.Http.Authentication;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Pipeline;

/// <summary>
/// The headers every request carries, as the server sees them, for a client that owns its handler (sent without an
/// HttpClient) and for one built over a caller's HttpClient.
/// </summary>
public sealed class DefaultHeadersTests
{
    private static Task<LoopbackServer> StartEchoServerAsync() => LoopbackServer.StartAsync(app => app.MapGet("/headers", (HttpContext ctx) =>
        Results.Json(new Dictionary<string, string>
        {
            ["accept"] = ctx.Request.Headers.Accept.ToString(),
            ["user-agent"] = ctx.Request.Headers.UserAgent.ToString(),
            ["x-custom"] = ctx.Request.Headers["X-Custom"].ToString(),
            ["x-api-key"] = ctx.Request.Headers["X-API-Key"].ToString(),
        })));

    private static ConduitClient CreateClient(ConduitClientOptions options, bool overHttpClient) =>
        overHttpClient ? new ConduitClient(new HttpClient(), options, disposeHttpClient: true) : new ConduitClient(options);

    private static async Task<Dictionary<string, string>> HeadersSeenAsync(ConduitClient client, ApiRequest request)
    {
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var json = response.ReadJsonDocument();
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_DefaultOptions_SendsJsonAcceptAndTheUserAgent(bool overHttpClient)
    {
        await using var server = await StartEchoServerAsync();
        using var client = CreateClient(TestClients.FastOptions(server.BaseAddress), overHttpClient);

        var seen = await HeadersSeenAsync(client, ApiRequest.Get("headers"));

        Assert.Equal("application/json", seen["accept"]);
        Assert.Equal("Conduit/1.0", seen["user-agent"]);
        Assert.Equal(string.Empty, seen["x-custom"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_DefaultHeaders_AreSentAndOverrideAcceptAndUserAgent(bool overHttpClient)
    {
        await using var server = await StartEchoServerAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.DefaultHeaders["Accept"] = "application/vnd.api+json";
        options.DefaultHeaders["User-Agent"] = "MyApp/2.0";
        options.DefaultHeaders["X-Custom"] = "default";
        using var client = CreateClient(options, overHttpClient);

        var seen = await HeadersSeenAsync(client, ApiRequest.Get("headers"));

        Assert.Equal("application/vnd.api+json", seen["accept"]);
        Assert.Equal("MyApp/2.0", seen["user-agent"]);
        Assert.Equal("default", seen["x-custom"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_RequestAndCredentialHeaders_TakePrecedenceOverDefaults(bool overHttpClient)
    {
        await using var server = await StartEchoServerAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.DefaultHeaders["X-Custom"] = "default";
        options.DefaultHeaders["X-API-Key"] = "default-key";
        options.Authentication = HeaderAuthentication.ApiKey("credential-key-1234");
        using var client = CreateClient(options, overHttpClient);

        var seen = await HeadersSeenAsync(client, ApiRequest.Get("headers").WithHeader("X-Custom", "per-request"));

        Assert.Equal("per-request", seen["x-custom"]);
        Assert.Equal("credential-key-1234", seen["x-api-key"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_UserAgentThatIsNotAProductList_IsLeftOut(bool overHttpClient)
    {
        await using var server = await StartEchoServerAsync();
        var options = TestClients.FastOptions(server.BaseAddress);
        options.UserAgent = "not a (valid";
        using var client = CreateClient(options, overHttpClient);

        var seen = await HeadersSeenAsync(client, ApiRequest.Get("headers"));

        Assert.Equal(string.Empty, seen["user-agent"]);
    }
}
