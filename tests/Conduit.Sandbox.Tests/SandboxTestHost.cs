using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests;

/// <summary>Starts sandboxes on loopback port 0 and makes clients for them.</summary>
internal static class SandboxTestHost
{
    public static async Task<MistSandbox> StartAsync(Action<MistSandboxOptions>? configure = null)
    {
        var options = new MistSandboxOptions { EnableHttps = false, SiteCount = 3, DeviceCount = 60 };
        configure?.Invoke(options);
        return await MistSandbox.StartAsync(options, TestContext.Current.CancellationToken);
    }

    /// <summary>A client with the sandbox's first API token.</summary>
    public static HttpClient TokenClient(MistSandbox sandbox)
    {
        var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", sandbox.Seed.Tokens[0]);
        return client;
    }

    /// <summary>A client without credentials; cookies are kept.</summary>
    public static HttpClient AnonymousClient(MistSandbox sandbox)
        => new(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(sandbox.BaseUrl) };

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static CancellationToken Token => TestContext.Current.CancellationToken;
}
