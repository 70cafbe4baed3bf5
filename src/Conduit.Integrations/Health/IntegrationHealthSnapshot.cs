using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conduit.Integrations.Health;

/// <summary>The outcome of an integration's last health probe.</summary>
/// <param name="Status">Healthy, degraded or unhealthy.</param>
/// <param name="Description">Why, in a sentence with no secret.</param>
/// <param name="Duration">How long the probe took.</param>
/// <param name="CheckedAt">When the probe finished.</param>
public sealed record IntegrationHealthSnapshot(HealthStatus Status, string Description, TimeSpan Duration, DateTimeOffset CheckedAt);
