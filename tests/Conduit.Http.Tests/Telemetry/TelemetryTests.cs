using System.Diagnostics;
using System.Diagnostics.Metrics;
using Conduit.Http.Telemetry;
using Conduit.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Conduit.Http.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task SendAsync_RetriedCallAndFailedCall_RecordRequestsRetriesFailuresAndDuration()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/flaky", () => Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.Text("ok"));
            app.MapGet("/missing", () => Results.StatusCode(404));
        });
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var meter = meterFactory.Create(ConduitHttpTelemetry.MeterName);
        using var requests = new MetricCollector<long>(meter, ConduitHttpTelemetry.RequestsInstrument);
        using var retries = new MetricCollector<long>(meter, ConduitHttpTelemetry.RetriesInstrument);
        using var failures = new MetricCollector<long>(meter, ConduitHttpTelemetry.FailuresInstrument);
        using var duration = new MetricCollector<double>(meter, ConduitHttpTelemetry.DurationInstrument);
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress), meterFactory: meterFactory);
        var ct = TestContext.Current.CancellationToken;

        await client.GetAsync("flaky", ct);
        await Assert.ThrowsAsync<NotFoundException>(() => client.GetAsync("missing", ct));

        Assert.Equal(2, requests.GetMeasurementSnapshot().Count);
        Assert.Single(retries.GetMeasurementSnapshot());
        var failure = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal(404, failure.Tags[ConduitHttpTelemetry.StatusCodeTag]);
        Assert.Equal("NotFoundException", failure.Tags[ConduitHttpTelemetry.ErrorTypeTag]);
        Assert.Equal("test", failure.Tags[ConduitHttpTelemetry.ClientTag]);
        Assert.Equal(2, duration.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public async Task SendAsync_WithListener_StartsAClientActivityWithRedactedUrl()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/items", () => Results.Text("ok")));
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ConduitHttpTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = new ConduitClient(TestClients.FastOptions(server.BaseAddress));

        await client.SendAsync(ApiRequest.Get("items").WithQuery("api_key", "abc12345").WithQuery("marker", "unique-7f3a"), TestContext.Current.CancellationToken);

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => (a.GetTagItem("url.full") as string)?.Contains("unique-7f3a", StringComparison.Ordinal) == true);
        }

        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(200, activity.GetTagItem(ConduitHttpTelemetry.StatusCodeTag));
        Assert.Contains("api_key=[REDACTED]", (string)activity.GetTagItem("url.full")!, StringComparison.Ordinal);
    }
}
