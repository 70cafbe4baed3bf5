using System.Diagnostics.Metrics;
using Conduit.Http;
using Conduit.Http.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conduit.Integrations.Tests.Metrics;

public sealed class IntegrationMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<LoopbackServer> StartAsync()
    {
        var flaky = 0;
        return LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Text("ok"));
            app.MapGet("/flaky", () => Interlocked.Increment(ref flaky) % 2 == 1 ? Results.StatusCode(503) : Results.Text("ok"));
            app.MapGet("/missing", () => Results.StatusCode(404));
            app.MapGet("/down", () => Results.StatusCode(500));
        });
    }

    [Fact]
    public async Task GetMetrics_MixedOutcomes_MatchWhatTheServerCounted()
    {
        await using var server = await StartAsync();
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", server.BaseAddress, maxRetries: 2));
        manager.Register(TestIntegrations.Fast("other", server.BaseAddress, maxRetries: 0));

        for (var i = 0; i < 5; i++)
        {
            await manager.GetAsync("api", "ok", Ct);
        }

        for (var i = 0; i < 3; i++)
        {
            await manager.GetAsync("api", "flaky", Ct);
        }

        await Assert.ThrowsAsync<NotFoundException>(() => manager.GetAsync("api", "missing", Ct));
        await Assert.ThrowsAsync<ServerErrorException>(() => manager.GetAsync("api", "down", Ct));
        var notThrown = manager.Send("api", new ApiRequest(HttpMethod.Get, "missing") { ThrowOnErrorStatus = false }, Ct);
        await manager.GetAsync("other", "ok", Ct);

        var metrics = manager.GetMetrics("api");
        var serverAttempts = server.Count("GET /ok") + server.Count("GET /flaky") + server.Count("GET /missing") + server.Count("GET /down");
        Assert.Equal(404, (int)notThrown.StatusCode);
        Assert.Equal(11, metrics.TotalRequests);
        Assert.Equal(8, metrics.SuccessfulRequests);
        Assert.Equal(3, metrics.FailedRequests);
        Assert.Equal(serverAttempts - 1 - metrics.TotalRequests, metrics.RetryAttempts);
        Assert.Equal(5, metrics.RetryAttempts);
        Assert.Equal(8.0 / 11, metrics.SuccessRate, 10);
        Assert.True(metrics.AverageResponseTime > TimeSpan.Zero);
        Assert.Equal("ServerErrorException", metrics.LastErrorType);
        Assert.NotNull(metrics.LastRequestAt);
        Assert.Equal(1, manager.GetMetrics("other").TotalRequests);
    }

    [Fact]
    public async Task ResetMetrics_AfterCalls_StartsFromZero()
    {
        await using var server = await StartAsync();
        using var manager = new IntegrationManager();
        manager.Register(TestIntegrations.Fast("api", server.BaseAddress));
        await manager.GetAsync("api", "ok", Ct);

        manager.ResetMetrics("api");
        var afterReset = manager.GetMetrics("api");
        await manager.GetAsync("api", "ok", Ct);

        Assert.Equal(0, afterReset.TotalRequests);
        Assert.Equal(0, afterReset.SuccessRate);
        Assert.Equal(TimeSpan.Zero, afterReset.AverageResponseTime);
        Assert.Equal(1, manager.GetMetrics("api").TotalRequests);
    }

    [Fact]
    public async Task GetMetrics_HostMeterFactory_ReadsTheSameMeasurementsOpenTelemetryWouldSee()
    {
        await using var server = await StartAsync();
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var observed = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (ReferenceEquals(i.Meter.Scope, meterFactory) && i.Name == ConduitHttpTelemetry.RequestsInstrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref observed, v));
        listener.Start();
        using var manager = new IntegrationManager(meterFactory: meterFactory);
        manager.Register(TestIntegrations.Fast("api", server.BaseAddress));

        await manager.GetAsync("api", "ok", Ct);
        await manager.GetAsync("api", "flaky", Ct);

        Assert.Equal(2, manager.GetMetrics("api").TotalRequests);
        Assert.Equal(2, Interlocked.Read(ref observed));
    }

    [Fact]
    public async Task GetStatus_TwoIntegrations_ReportsEachWithMetricsAndHealth()
    {
        await using var server = await StartAsync();
        using var manager = new IntegrationManager();
        var api = TestIntegrations.Fast("api", server.BaseAddress);
        api.HealthCheck.Path = "ok";
        api.RateLimit = Conduit.Http.RateLimiting.RateLimitOptions.PerSecond(10, 20);
        manager.Register(api);
        manager.Register(TestIntegrations.Fast("idle", server.BaseAddress));
        await manager.GetAsync("api", "ok", Ct);
        await manager.CheckHealthAsync("api", Ct);

        var status = manager.GetStatus();

        Assert.Equal(2, status.TotalIntegrations);
        Assert.Equal(1, status.TotalRequests);
        Assert.Equal(["api", "idle"], status.Integrations.Keys);
        Assert.True(status.Integrations["api"].RateLimited);
        Assert.Equal("None", status.Integrations["api"].AuthenticationType);
        Assert.Equal(1.0, status.Integrations["api"].Metrics.SuccessRate);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, status.Integrations["api"].LastHealth!.Status);
        Assert.Null(status.Integrations["idle"].LastHealth);
    }
}
