using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conduit.Integrations.Health;

/// <summary>The health check of one integration: probes its health endpoint through <see cref="IntegrationManager.CheckHealthAsync"/>.</summary>
/// <param name="manager">The manager the integration is registered with.</param>
/// <param name="integration">The integration's name.</param>
public sealed class IntegrationHealthCheck(IntegrationManager manager, string integration) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await manager.CheckHealthAsync(integration, cancellationToken).ConfigureAwait(false);

        // The registration's failure status (default unhealthy) replaces an unhealthy result, as ASP.NET Core expects.
        return result.Status == HealthStatus.Unhealthy && context.Registration is { } registration
            ? new HealthCheckResult(registration.FailureStatus, result.Description, result.Exception, result.Data)
            : result;
    }
}
