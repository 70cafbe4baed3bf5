using Conduit.Http;
using Conduit.Integrations.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Integrations.Tests;

public sealed class IntegrationManagerLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_ValidOptions_ListedAndCallable()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/items", () => Results.Text("ok")));
        using var manager = new IntegrationManager();

        manager.Register(TestIntegrations.Fast("b-api", server.BaseAddress));
        manager.Register(TestIntegrations.Fast("a-api", server.BaseAddress));
        var response = await manager.GetAsync("a-api", "items", Ct);

        Assert.Equal(["a-api", "b-api"], manager.Names);
        Assert.Equal(["a-api", "b-api"], manager.ListIntegrations().Select(static o => o.Name));
        Assert.Equal("ok", response.Text);
        Assert.True(manager.Contains("A-API"));
    }

    [Fact]
    public void Register_DuplicateName_ThrowsNamingIntegration()
    {
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", new Uri("http://127.0.0.1:1/")));

        var ex = Assert.Throws<IntegrationConfigurationException>(() => manager.Register(TestIntegrations.Fast("api", new Uri("http://127.0.0.1:2/"))));

        Assert.Equal("Integration configuration is invalid: Integration 'api': name is already registered.", ex.Message);
    }

    [Fact]
    public void Register_InvalidOptions_ListsEveryProblem()
    {
        using var manager = new IntegrationManager();
        var options = new IntegrationOptions { Name = "bad api", BaseUrl = new Uri("/relative", UriKind.Relative), Timeout = TimeSpan.Zero };
        options.Retry.MaxRetries = -1;

        var ex = Assert.Throws<IntegrationConfigurationException>(() => manager.Register(options));

        Assert.Equal(
            [
                "Integration 'bad api': name may contain only letters, digits, '-', '_' and '.'.",
                "Integration 'bad api': baseUrl must be an absolute http or https URL, but was '/relative'.",
                "Integration 'bad api': retry.maxRetries must be 0 or more, but was -1.",
                "Integration 'bad api': timeout must be between 10 ms and 24 h (or infinite), but was 00:00:00.",
            ],
            ex.Errors);
        Assert.Equal(0, manager.Count);
    }

    [Theory]
    [InlineData(IntegrationAuthenticationType.Bearer)]
    [InlineData(IntegrationAuthenticationType.MistToken)]
    [InlineData(IntegrationAuthenticationType.ApiKey)]
    public void Register_CredentialAHeaderCannotCarry_IsAConfigurationErrorThatHidesIt(IntegrationAuthenticationType type)
    {
        // Found by the fuzz suite: a token with a NUL made Register throw FormatException from the header parser.
        using var manager = new IntegrationManager();
        var options = TestIntegrations.Fast("api", new Uri("http://127.0.0.1:1/"));
        options.Authentication.Type = type;
        options.Authentication.Token = "t0ken-9981\0";
        options.Authentication.ApiKey = "t0ken-9981\r\nX-Injected: 1";

        var ex = Assert.Throws<IntegrationConfigurationException>(() => manager.Register(options));

        Assert.Contains("Integration 'api': authentication: The credential for the", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("t0ken-9981", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, manager.Count);
    }

    [Fact]
    public async Task Unregister_Registered_RemovesItAndLaterCallsThrow()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/items", () => Results.Text("ok")));
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", server.BaseAddress));
        var client = manager.GetClient("api");

        Assert.True(manager.Unregister("api"));

        Assert.False(manager.Unregister("api"));
        Assert.Empty(manager.Names);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => client.GetAsync("items", Ct));
        Assert.Throws<KeyNotFoundException>(() => manager.GetMetrics("api"));
    }

    [Fact]
    public async Task Update_NewBaseUrlAndHeaders_ClientFollowsTheNewPipeline()
    {
        await using var first = await LoopbackServer.StartAsync(app => app.MapGet("/who", () => Results.Text("first")));
        await using var second = await LoopbackServer.StartAsync(app => app.MapGet("/who", (HttpContext c) => Results.Text("second " + c.Request.Headers["X-Version"])));
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", first.BaseAddress));
        var client = manager.GetClient("api");
        var before = await client.GetAsync("who", Ct);

        var updated = TestIntegrations.Fast("api", second.BaseAddress);
        updated.DefaultHeaders["X-Version"] = "2";
        manager.Update(updated);
        var after = await client.GetAsync("who", Ct);

        Assert.Equal("first", before.Text);
        Assert.Equal("second 2", after.Text);
        Assert.Equal(second.BaseAddress, manager.GetIntegration("api").BaseUrl);
    }

    [Fact]
    public void Update_UnknownName_ThrowsKeyNotFound()
    {
        using var manager = new IntegrationManager();

        Assert.Throws<KeyNotFoundException>(() => manager.Update(TestIntegrations.Fast("nope", new Uri("http://127.0.0.1:1/"))));
    }

    [Fact]
    public async Task Update_WhileCallInFlight_InFlightCallFinishesOnOldPipeline()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var oldServer = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async () =>
        {
            arrived.TrySetResult();
            await release.Task;
            return Results.Text("old");
        }));
        await using var newServer = await LoopbackServer.StartAsync(app => app.MapGet("/slow", () => Results.Text("new")));
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", oldServer.BaseAddress, maxRetries: 0));

        var inFlight = manager.GetAsync("api", "slow", Ct);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        manager.Update(TestIntegrations.Fast("api", newServer.BaseAddress, maxRetries: 0));
        var afterUpdate = await manager.GetAsync("api", "slow", Ct);
        release.SetResult();

        Assert.Equal("new", afterUpdate.Text);
        Assert.Equal("old", (await inFlight).Text);
        Assert.Equal(1, oldServer.Count("GET /slow"));
    }

    [Fact]
    public async Task Update_ConcurrentWithCalls_EveryCallSucceedsAndLastUpdateWins()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/v", (HttpContext c) => Results.Text(c.Request.Headers["X-Gen"].ToString())));
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", server.BaseAddress, maxRetries: 0));
        var callersDone = 0;
        var updates = 0;
        var updaters = Enumerable.Range(0, 2).Select(u => Task.Run(() =>
        {
            for (var i = 0; Volatile.Read(ref callersDone) == 0 || i < 10; i++)
            {
                var options = TestIntegrations.Fast("api", server.BaseAddress, maxRetries: 0);
                options.DefaultHeaders["X-Gen"] = $"{u}-{i}";
                manager.Update(options);
                Interlocked.Increment(ref updates);
            }
        }, Ct)).ToArray();
        var callers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                var response = await manager.GetAsync("api", "v", Ct);
                Assert.True(response.IsSuccess);
            }

            return 30;
        }, Ct)).ToArray();
        var counts = await Task.WhenAll(callers);
        Volatile.Write(ref callersDone, 1);
        await Task.WhenAll(updaters);
        var final = TestIntegrations.Fast("api", server.BaseAddress, maxRetries: 0);
        final.DefaultHeaders["X-Gen"] = "final";
        manager.Update(final);

        Assert.True(updates >= 20);
        Assert.Equal("final", (await manager.GetAsync("api", "v", Ct)).Text);
        Assert.Equal(counts.Sum() + 1, manager.GetMetrics("api").TotalRequests);
    }

    [Fact]
    public void GetIntegration_ModifyingTheCopy_DoesNotChangeTheIntegration()
    {
        var options = TestIntegrations.Fast("api", new Uri("http://127.0.0.1:1/"));
        options.Authentication.Type = Conduit.Integrations.Authentication.IntegrationAuthenticationType.Bearer;
        options.Authentication.Token = "${ENV:CONDUIT_TEST_UNUSED_TOKEN}";
        using var manager = new IntegrationManager(new IntegrationManagerOptions { Environment = static _ => "resolved" });
        manager.Register(options);

        var copy = manager.GetIntegration("api");
        copy.BaseUrl = new Uri("http://changed/");
        options.BaseUrl = new Uri("http://changed-too/");

        Assert.Equal(new Uri("http://127.0.0.1:1/"), manager.GetIntegration("api").BaseUrl);
        Assert.Equal("${ENV:CONDUIT_TEST_UNUSED_TOKEN}", manager.GetIntegration("api").Authentication.Token);
    }

    [Fact]
    public async Task Calls_EveryMethodSyncAndAsync_ReachTheServerWithThatMethod()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapMethods("/r", ["GET", "POST", "PUT", "PATCH", "DELETE"], (HttpContext c) => Results.Text(c.Request.Method)));
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", server.BaseAddress));
        var body = JsonBody.FromText("""{"a":1}""");

        string[] texts =
        [
            (await manager.GetAsync("api", "r", Ct)).Text, manager.Get("api", "r", Ct).Text,
            (await manager.PostAsync("api", "r", body, Ct)).Text, manager.Post("api", "r", body, Ct).Text,
            (await manager.PutAsync("api", "r", body, Ct)).Text, manager.Put("api", "r", body, Ct).Text,
            (await manager.PatchAsync("api", "r", body, Ct)).Text, manager.Patch("api", "r", body, Ct).Text,
            (await manager.DeleteAsync("api", "r", Ct)).Text, manager.Delete("api", "r", Ct).Text,
        ];

        Assert.Equal(["GET", "GET", "POST", "POST", "PUT", "PUT", "PATCH", "PATCH", "DELETE", "DELETE"], texts);
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE" })
        {
            Assert.Equal(2, server.Count(method + " /r"));
        }
    }
}
