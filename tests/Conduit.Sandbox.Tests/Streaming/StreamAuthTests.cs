using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Sandbox.Tests.Streaming;

public sealed class StreamAuthTests
{
    private static Task<MistSandbox> StartAsync(Action<MistSandboxOptions>? configure = null)
        => SandboxTestHost.StartAsync(o =>
        {
            o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Handshake_WithToken_UpgradesAndCountsTheConnectionAndOneCall()
    {
        await using var sandbox = await StartAsync();
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        var site = sandbox.Seed.SiteIds[0];
        var ack = await client.SubscribeAndWaitAsync($"/sites/{site}/stats/devices");
        Assert.Equal($"{{\"event\":\"channel_subscribed\",\"channel\":\"/sites/{site}/stats/devices\"}}", ack.ToJsonString());
        Assert.Equal(1, sandbox.Streams.ConnectionsAccepted);
        Assert.Equal(1, sandbox.Streams.ActiveConnections);
        Assert.Equal(1, sandbox.Counters.Count("GET", MistSandboxStreams.StreamPath));
    }

    [Fact]
    public async Task Handshake_WithoutCredentials_Answers401BeforeUpgrade()
    {
        await using var sandbox = await StartAsync();
        using var none = await StreamTestClient.RefusedAsync(sandbox, string.Empty);
        Assert.Equal(HttpStatusCode.Unauthorized, none.HttpStatusCode);
        using var wrong = await StreamTestClient.RefusedAsync(sandbox, "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.HttpStatusCode);
        Assert.Equal(0, sandbox.Streams.ConnectionsAccepted);
    }

    [Fact]
    public async Task Handshake_PlainGet_Answers400AndOtherMethods405()
    {
        await using var sandbox = await StartAsync();
        using var http = SandboxTestHost.TokenClient(sandbox);
        using var get = await http.GetAsync(MistSandboxStreams.StreamPath, SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Contains("WebSocket", (string?)(await SandboxTestHost.ReadJsonAsync(get))!["detail"], StringComparison.Ordinal);
        using var post = await http.PostAsync(MistSandboxStreams.StreamPath, SandboxTestHost.Json("{}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var other = await http.GetAsync("/api-ws/v1/other", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Handshake_WithSessionCookie_SubscribesWithinTheUsersPrivilegesOnly()
    {
        await using var sandbox = await StartAsync();
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(sandbox.BaseUrl) };
        var observer = sandbox.Seed.SiteObserver;
        var login = new JsonObject { ["email"] = observer.Email, ["password"] = observer.Password };
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/v1/login", SandboxTestHost.Json(login), SandboxTestHost.Token)).StatusCode);

        using var client = await StreamTestClient.ConnectAsync(sandbox, cookies: cookies);
        var own = await client.SubscribeAndWaitAsync($"/sites/{sandbox.Seed.SiteIds[0]}/stats/devices");
        Assert.Equal("channel_subscribed", (string?)own["event"]);
        var foreign = await client.SubscribeAndWaitAsync($"/sites/{sandbox.Seed.SiteIds[1]}/stats/devices");
        Assert.Equal("subscribe_failed", (string?)foreign["event"]);
        Assert.Equal("You do not have permission to subscribe to this channel.", (string?)foreign["detail"]);
        var org = await client.SubscribeAndWaitAsync($"/orgs/{sandbox.Seed.OrgId}/insights/summary");
        Assert.Equal("subscribe_failed", (string?)org["event"]);
    }

    [Fact]
    public async Task Handshake_OverQuota_Answers429WithRetryAfter()
    {
        await using var sandbox = await StartAsync(o => o.HourlyQuota = 1);
        using (await StreamTestClient.ConnectAsync(sandbox))
        {
        }

        using var limited = await StreamTestClient.RefusedAsync(sandbox, sandbox.Seed.Tokens[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.HttpStatusCode);
        Assert.Equal("3600", limited.HttpResponseHeaders!["Retry-After"].Single());
        Assert.Equal(1, sandbox.Streams.ConnectionsAccepted);
    }

    [Fact]
    public async Task Handshake_InjectedBurst_Answers429()
    {
        await using var sandbox = await StartAsync();
        sandbox.Faults.Add("burst:1,retry-after=2s,path=/api-ws/v1/stream");
        using var limited = await StreamTestClient.RefusedAsync(sandbox, sandbox.Seed.Tokens[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.HttpStatusCode);
        Assert.Equal("2", limited.HttpResponseHeaders!["Retry-After"].Single());
        using var client = await StreamTestClient.ConnectAsync(sandbox);
        Assert.Equal(1, sandbox.Streams.ConnectionsAccepted);
    }
}
