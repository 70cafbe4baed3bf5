using Conduit.Http;
using Conduit.Integrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Conduit.Samples.Worker;

/// <summary>
/// Calls the configured integration every <see cref="WorkerOptions.PollInterval"/> and logs the answer, the health of
/// every integration and the integration's metrics. Any failure sets the process exit code to 1.
/// </summary>
internal sealed partial class IntegrationPoller(
    IntegrationManager integrations,
    HealthCheckService health,
    IOptions<WorkerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<IntegrationPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            await PollAsync(settings, stoppingToken);
        }
        while (!settings.RunOnce && await timer.WaitForNextTickAsync(stoppingToken));

        lifetime.StopApplication();
    }

    #region poll
    private async Task PollAsync(WorkerOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            var response = await integrations.GetAsync(settings.Integration, settings.Path, cancellationToken);
            LogCalled(settings.Integration, settings.Path, response.StatusCode, response.Elapsed.TotalMilliseconds);
        }
        catch (ApiException ex)
        {
            LogCallFailed(settings.Integration, settings.Path, ex.Message);   // messages are redacted: no token, no password
            Environment.ExitCode = 1;
        }

        var report = await health.CheckHealthAsync(cancellationToken);
        foreach (var (name, entry) in report.Entries)
        {
            LogHealth(name, entry.Status, entry.Description);
        }

        if (report.Status != HealthStatus.Healthy)
        {
            Environment.ExitCode = 1;
        }

        var metrics = integrations.GetMetrics(settings.Integration);
        LogMetrics(settings.Integration, metrics.TotalRequests, metrics.SuccessRate, metrics.RetryAttempts, metrics.AverageResponseTime.TotalMilliseconds);
    }
    #endregion

    [LoggerMessage(1, LogLevel.Information, "GET {Integration}/{Path}: {Status} in {ElapsedMs:F1} ms")]
    private partial void LogCalled(string integration, string path, System.Net.HttpStatusCode status, double elapsedMs);

    [LoggerMessage(2, LogLevel.Error, "GET {Integration}/{Path} failed: {Reason}")]
    private partial void LogCallFailed(string integration, string path, string reason);

    [LoggerMessage(3, LogLevel.Information, "Health {Check}: {Status} {Description}")]
    private partial void LogHealth(string check, HealthStatus status, string? description);

    [LoggerMessage(4, LogLevel.Information, "Metrics {Integration}: {Total} requests, {SuccessRate:P0} succeeded, {Retries} retries, {AverageMs:F1} ms on average")]
    private partial void LogMetrics(string integration, long total, double successRate, long retries, double averageMs);
}
