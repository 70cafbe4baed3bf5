using Conduit.Http;
using Conduit.Integrations.Health;
using Conduit.Integrations.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conduit.Integrations;

/// <summary>Metrics, status and health probes.</summary>
public sealed partial class IntegrationManager
{
    /// <summary>The named integration's call metrics, read from the <c>Conduit.Http</c> meter.</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public IntegrationMetrics GetMetrics(string name) => _metrics.Get(GetEntry(name).Current.Options.Name);

    /// <summary>Sets the named integration's metrics back to zero.</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    public void ResetMetrics(string name) => _metrics.Reset(GetEntry(name).Current.Options.Name);

    /// <summary>Sets every integration's metrics back to zero.</summary>
    public void ResetMetrics()
    {
        foreach (var entry in _entries.Values)
        {
            _metrics.Reset(entry.Current.Options.Name);
        }
    }

    /// <summary>The status of every integration: settings summary, metrics and last health probe.</summary>
    public IntegrationManagerStatus GetStatus()
    {
        var integrations = new SortedDictionary<string, IntegrationStatus>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _entries.Values)
        {
            var o = entry.Current.Options;
            integrations[o.Name] = new IntegrationStatus(
                o.Name, o.BaseUrl!, IntegrationManagerStatus.AuthenticationName(o), IntegrationManagerStatus.IsRateLimited(o), _metrics.Get(o.Name), entry.LastHealth);
        }

        return new IntegrationManagerStatus(_options.TimeProvider.GetUtcNow(), integrations);
    }

    /// <summary>
    /// Probes the named integration's health endpoint once (no retries, no client-side rate limit): a 2xx within the
    /// degraded threshold is healthy, a slower 2xx or a 429 is degraded, anything else is unhealthy. An unknown name is
    /// unhealthy.
    /// </summary>
    public Task<HealthCheckResult> CheckHealthAsync(string name, CancellationToken cancellationToken = default) =>
        CheckHealthCoreAsync(name, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="CheckHealthAsync"/>.</summary>
    public HealthCheckResult CheckHealth(string name, CancellationToken cancellationToken = default) =>
        CheckHealthCoreAsync(name, async: false, cancellationToken).EnsureCompleted();

    private async ValueTask<HealthCheckResult> CheckHealthCoreAsync(string name, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_entries.ContainsKey(name))
        {
            return HealthCheckResult.Unhealthy($"No integration named '{name}' is registered.");
        }

        var pipeline = Enter(name);
        try
        {
            var request = CreateProbeRequest(pipeline.Options);
            if (request is null)
            {
                return HealthCheckResult.Healthy("The health probe is disabled.");
            }

            var start = _options.TimeProvider.GetTimestamp();
            try
            {
                var response = async
                    ? await pipeline.Probe.SendAsync(request, cancellationToken).ConfigureAwait(false)
                    : pipeline.Probe.Send(request, cancellationToken);
                return Evaluate(pipeline.Options, response, null, _options.TimeProvider.GetElapsedTime(start));
            }
            catch (ApiException ex)
            {
                return Evaluate(pipeline.Options, null, ex, _options.TimeProvider.GetElapsedTime(start));
            }
        }
        finally
        {
            pipeline.Exit();
        }
    }

    private static ApiRequest? CreateProbeRequest(IntegrationOptions options) =>
        options.HealthCheck.Enabled
            ? new ApiRequest(new HttpMethod(options.HealthCheck.Method), options.HealthCheck.Path ?? string.Empty) { ThrowOnErrorStatus = false }
            : null;

    private HealthCheckResult Evaluate(IntegrationOptions options, ApiResponse? response, ApiException? failure, TimeSpan elapsed)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["integration"] = options.Name,
            ["baseUrl"] = options.BaseUrl!.ToString(),
            ["durationMs"] = Math.Round(elapsed.TotalMilliseconds, 1),
        };
        var status = (response is null ? failure?.StatusCode : (int)response.StatusCode) is { } code ? code : 0;
        if (status != 0)
        {
            data["statusCode"] = status;
        }

        var threshold = options.HealthCheck.DegradedThreshold;
        var (health, description) = (status, failure) switch
        {
            ( >= 200 and < 300, null) when elapsed > threshold =>
                (HealthStatus.Degraded, $"The health endpoint answered {status} in {elapsed.TotalMilliseconds:F0} ms, over the {threshold.TotalMilliseconds:F0} ms threshold."),
            ( >= 200 and < 300, null) => (HealthStatus.Healthy, $"The health endpoint answered {status} in {elapsed.TotalMilliseconds:F0} ms."),
            (429, _) => (HealthStatus.Degraded, "The health endpoint answered 429: the integration is rate limited."),
            (_, { } ex) => (HealthStatus.Unhealthy, $"The health probe failed: {ex.Message}"),
            _ => (HealthStatus.Unhealthy, $"The health endpoint answered {status}."),
        };
        RecordHealth(options.Name, new IntegrationHealthSnapshot(health, description, elapsed, _options.TimeProvider.GetUtcNow()));
        if (health != HealthStatus.Healthy)
        {
            Log.HealthNotHealthy(_logger, options.Name, health.ToString(), description);
        }

        return new HealthCheckResult(health, description, health == HealthStatus.Unhealthy ? failure : null, data);
    }
}
