using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Integrations.Tests.Health;

public sealed class IntegrationHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<LoopbackServer> StartAsync(FakeTimeProvider? time = null) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/health", () => Results.Text("up"));
        app.MapGet("/slow", () =>
        {
            time!.Advance(TimeSpan.FromSeconds(3));
            return Results.Text("up, slowly");
        });
        app.MapGet("/broken", () => Results.StatusCode(503));
        app.MapGet("/limited", () => Results.StatusCode(429));
    });

    private static IntegrationOptions Probe(Uri baseUrl, string path)
    {
        var options = TestIntegrations.Fast("api", baseUrl);
        options.HealthCheck.Path = path;
        return options;
    }

    [Fact]
    public async Task CheckHealthAsync_FastSuccess_Healthy()
    {
        await using var server = await StartAsync();
        using var manager = new IntegrationManager();
        var options = Probe(server.BaseAddress, "health");
        options.HealthCheck.DegradedThreshold = TimeSpan.FromMinutes(1); // real clock: only the status decides here
        manager.Register(options);

        var result = await manager.CheckHealthAsync("api", Ct);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(200, result.Data["statusCode"]);
        Assert.Equal(0, manager.GetMetrics("api").TotalRequests);
    }

    [Fact]
    public async Task CheckHealthAsync_SuccessOverThreshold_Degraded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(time);
        using var manager = new IntegrationManager(new IntegrationManagerOptions { TimeProvider = time });
        manager.Register(Probe(server.BaseAddress, "slow"));

        var result = await manager.CheckHealthAsync("api", Ct);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("The health endpoint answered 200 in 3000 ms, over the 2000 ms threshold.", result.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_RateLimited_Degraded()
    {
        await using var server = await StartAsync();
        using var manager = new IntegrationManager();
        manager.Register(Probe(server.BaseAddress, "limited"));

        var result = manager.CheckHealth("api", Ct);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal(1, server.Count("GET /limited"));
    }

    [Fact]
    public async Task CheckHealthAsync_ErrorStatus_UnhealthyWithoutRetrying()
    {
        await using var server = await StartAsync();
        using var manager = new IntegrationManager();
        manager.Register(Probe(server.BaseAddress, "broken"));

        var result = await manager.CheckHealthAsync("api", Ct);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The health endpoint answered 503.", result.Description);
        Assert.Equal(1, server.Count("GET /broken"));
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListening_Unhealthy()
    {
        using var manager = new IntegrationManager();
        manager.Register(Probe(TestIntegrations.DeadUrl(), "health"));

        var result = await manager.CheckHealthAsync("api", Ct);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("The health probe failed: GET ", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_UnknownOrDisabled_UnhealthyOrHealthy()
    {
        using var manager = new IntegrationManager();
        var options = Probe(TestIntegrations.DeadUrl(), "health");
        options.HealthCheck.Enabled = false;
        manager.Register(options);

        var unknown = await manager.CheckHealthAsync("nope", Ct);
        var disabled = await manager.CheckHealthAsync("api", Ct);

        Assert.Equal(HealthStatus.Unhealthy, unknown.Status);
        Assert.Equal(HealthStatus.Healthy, disabled.Status);
    }

    [Fact]
    public async Task AddConduitIntegrations_HealthCheckService_ReportsEachIntegration()
    {
        await using var server = await StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:good:baseUrl"] = server.BaseAddress.ToString(),
            // A loaded CI machine can take seconds to answer; only the status should decide "good" here.
            ["Conduit:Integrations:good:healthCheck:degradedThreshold"] = "60s",
            ["Conduit:Integrations:limited:baseUrl"] = server.BaseAddress.ToString(),
            ["Conduit:Integrations:limited:healthCheck:path"] = "limited",
            ["Conduit:Integrations:bad:baseUrl"] = server.BaseAddress.ToString(),
            ["Conduit:Integrations:bad:healthCheck:path"] = "broken",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddConduit(configuration);
        services.AddHealthChecks().AddConduitIntegrations();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["conduit:good"].Status);
        Assert.Equal(HealthStatus.Degraded, report.Entries["conduit:limited"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["conduit:bad"].Status);
        Assert.Contains("conduit", report.Entries["conduit:good"].Tags);
    }
}
