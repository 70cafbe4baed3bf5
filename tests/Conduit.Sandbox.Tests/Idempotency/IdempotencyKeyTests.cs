using System.Net;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Tests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Fact]
    public async Task Post_SameKeyTwice_AppliesOnceAndReplaysTheFirstAnswer()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = SitesPath(sandbox);

        using var first = await PostAsync(client, path, """{"name": "Keyed"}""", key: "key-1");
        using var second = await PostAsync(client, path, """{"name": "Keyed"}""", key: "key-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync(SandboxTestHost.Token);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync(SandboxTestHost.Token));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1, sandbox.Counters.CountAppliedIdempotencyKey("key-1"));
        Assert.Equal(1, sandbox.Counters.CountReplays("key-1"));
        Assert.Equal(1, sandbox.Counters.CountApplied("POST", path));
        Assert.Equal(2, sandbox.Counters.Count("POST", path));
        Assert.Equal(1, await CountSitesNamedAsync(client, sandbox, "Keyed"));
    }

    [Fact]
    public async Task Put_SameKeyTwice_ReplaysWithoutApplyingAgain()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = $"/api/v1/sites/{sandbox.Seed.SiteIds[0]}";

        using var first = await SendAsync(client, HttpMethod.Put, path, """{"notes": "one"}""", key: "put-key");
        using var second = await SendAsync(client, HttpMethod.Put, path, """{"notes": "one"}""", key: "put-key");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, sandbox.Counters.CountApplied("PUT", path));
        Assert.Equal(1, sandbox.Counters.TotalReplays);
    }

    [Fact]
    public async Task Post_SameKeyDifferentBody_Answers422AndAppliesNothingMore()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = SitesPath(sandbox);

        using var first = await PostAsync(client, path, """{"name": "First"}""", key: "reused");
        using var second = await PostAsync(client, path, """{"name": "Second"}""", key: "reused");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("This Idempotency-Key was used with a different request body.", (string?)(await SandboxTestHost.ReadJsonAsync(second))!["detail"]);
        Assert.Equal(1, sandbox.Counters.CountAppliedIdempotencyKey("reused"));
        Assert.Equal(0, sandbox.Counters.TotalReplays);
        Assert.Equal(0, await CountSitesNamedAsync(client, sandbox, "Second"));
    }

    [Fact]
    public async Task Post_SameKeyOnAnotherPath_IsADifferentWrite()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);

        using var site = await PostAsync(client, SitesPath(sandbox), """{"name": "Shared key"}""", key: "shared");
        using var wlan = await PostAsync(client, $"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/wlans", """{"ssid": "shared-key"}""", key: "shared");

        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wlan.StatusCode);
        Assert.False(wlan.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, sandbox.Counters.CountAppliedIdempotencyKey("shared"));
    }

    [Fact]
    public async Task Post_FirstAttemptRefusedBeforeTheHandler_IsNotStoredSoTheRetryApplies()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [503], Count = 1, Method = "POST" }));
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = SitesPath(sandbox);

        using var refused = await PostAsync(client, path, """{"name": "Retried"}""", key: "retry-key");
        using var retried = await PostAsync(client, path, """{"name": "Retried"}""", key: "retry-key");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, sandbox.Counters.CountAppliedIdempotencyKey("retry-key"));
        Assert.Equal(1, await CountSitesNamedAsync(client, sandbox, "Retried"));
    }

    [Fact]
    public async Task Post_ResponseLostAfterApply_RetryWithKeyGetsTheStoredAnswerButRetryWithoutKeyDuplicates()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = SitesPath(sandbox);
        sandbox.Faults.Add("reset,count=2,method=POST,when=after");

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, path, """{"name": "With key"}""", key: "lost-key"));
        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, path, """{"name": "Without key"}""", key: null, requestId: "no-key"));
        using var keyedRetry = await PostAsync(client, path, """{"name": "With key"}""", key: "lost-key");
        using var unkeyedRetry = await PostAsync(client, path, """{"name": "Without key"}""", key: null, requestId: "no-key");

        Assert.Equal(HttpStatusCode.OK, keyedRetry.StatusCode);
        Assert.True(keyedRetry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, sandbox.Counters.CountAppliedIdempotencyKey("lost-key"));
        Assert.Equal(1, await CountSitesNamedAsync(client, sandbox, "With key"));
        Assert.Equal(2, sandbox.Counters.CountAppliedRequestId("no-key"));
        Assert.Equal(2, await CountSitesNamedAsync(client, sandbox, "Without key"));
    }

    [Fact]
    public async Task Post_ConcurrentRepeatsOfOneKey_ApplyOnceAndAllGetTheSameSite()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        var path = SitesPath(sandbox);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => PostAsync(client, path, """{"name": "Raced"}""", key: "raced")));
        var ids = new List<string?>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ids.Add((string?)(await SandboxTestHost.ReadJsonAsync(response))!["id"]);
            }
        }

        Assert.Single(ids.Distinct());
        Assert.Equal(1, sandbox.Counters.CountAppliedIdempotencyKey("raced"));
        Assert.Equal(15, sandbox.Counters.CountReplays("raced"));
        Assert.Equal(1, await CountSitesNamedAsync(client, sandbox, "Raced"));
    }

    [Fact]
    public async Task Get_WithKey_IsNeitherStoredNorReplayed()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);

        using var first = await SendAsync(client, HttpMethod.Get, "/api/v1/self", body: null, key: "read-key");
        using var second = await SendAsync(client, HttpMethod.Get, "/api/v1/self", body: null, key: "read-key");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, sandbox.Counters.TotalReplays);
        Assert.Equal(0, sandbox.Counters.TotalApplied);
    }

    [Fact]
    public async Task Post_KeyLongerThan255_Answers400AndAppliesNothing()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);

        using var response = await PostAsync(client, SitesPath(sandbox), """{"name": "Long key"}""", key: new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Idempotency-Key must be at most 255 characters.", (string?)(await SandboxTestHost.ReadJsonAsync(response))!["detail"]);
        Assert.Equal(0, sandbox.Counters.TotalApplied);
    }

    private static string SitesPath(MistSandbox sandbox) => $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? key, string? requestId = null)
        => SendAsync(client, HttpMethod.Post, path, json, key, requestId);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body, string? key, string? requestId = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : SandboxTestHost.Json(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return await client.SendAsync(request, SandboxTestHost.Token);
    }

    private static async Task<int> CountSitesNamedAsync(HttpClient client, MistSandbox sandbox, string name)
    {
        var sites = JsonNode.Parse(await client.GetStringAsync($"{SitesPath(sandbox)}?limit=1000", SandboxTestHost.Token))!.AsArray();
        return sites.Count(s => (string?)s!["name"] == name);
    }
}
