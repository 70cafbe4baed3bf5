using System.Globalization;
using Conduit.Http.Resilience;
using Conduit.Integrations;
using Conduit.Integrations.Authentication;
using Conduit.Sandbox;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Registers the sandbox as a named integration, calls it through faults, and shows its metrics and health.</summary>
internal sealed class IntegrationsStep : IDemoStep
{
    public string Name => "integrations";

    public string Title => "Integration manager: a named integration's metrics and health";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        using var manager = new IntegrationManager();
        manager.Register(new IntegrationOptions
        {
            Name = "mist-sandbox",
            BaseUrl = new Uri(sandbox.BaseUrl + "/api/v1/"),
            Authentication = { Type = IntegrationAuthenticationType.MistToken, Token = sandbox.Seed.Tokens[0] },
            Retry = new RetryOptions { MaxRetries = 4, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
            HealthCheck = { Path = "self" },
        });
        // At most 4 injected errors and 4 retries per call: every call can still succeed, so the step is deterministic.
        var fault = new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [502], Probability = 0.3, Count = 4, PathPattern = "/api/v1/sites/*", Method = "GET" };
        sandbox.Faults.Add(fault);
        try
        {
            foreach (var siteId in sandbox.Seed.SiteIds.Concat(sandbox.Seed.SiteIds))
            {
                await manager.GetAsync("mist-sandbox", "sites/" + siteId, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            sandbox.Faults.Remove(fault);
        }

        var health = await manager.CheckHealthAsync("mist-sandbox", cancellationToken).ConfigureAwait(false);
        var metrics = manager.GetMetrics("mist-sandbox");
        var table = new Table().AddColumns("Integration", "Requests", "Succeeded", "Failed", "Retries", "Success rate", "Avg response", "Health");
        table.AddRow(
            "mist-sandbox",
            metrics.TotalRequests.ToString(CultureInfo.InvariantCulture),
            metrics.SuccessfulRequests.ToString(CultureInfo.InvariantCulture),
            metrics.FailedRequests.ToString(CultureInfo.InvariantCulture),
            metrics.RetryAttempts.ToString(CultureInfo.InvariantCulture),
            metrics.SuccessRate.ToString("P0", CultureInfo.InvariantCulture),
            $"{metrics.AverageResponseTime.TotalMilliseconds:F1} ms",
            $"[green]{health.Status}[/]");
        environment.Console.Write(table);
        environment.Console.MarkupLine("Metrics come from the HTTP core's meter (conduit.http.client.*), not a second count; up to 4 site reads answered 502 and were retried.");
        if (metrics.TotalRequests != 10 || metrics.SuccessfulRequests != 10 || health.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
        {
            throw new InvalidOperationException($"Expected 10 successful calls and a healthy integration, saw {metrics.SuccessfulRequests}/{metrics.TotalRequests} and {health.Status}.");
        }
    }
}
