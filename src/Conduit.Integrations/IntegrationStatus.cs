using Conduit.Integrations.Health;
using Conduit.Integrations.Metrics;

namespace Conduit.Integrations;

/// <summary>The status of one integration: what it talks to, how, and how it has been doing.</summary>
/// <param name="Name">The integration's name.</param>
/// <param name="BaseUrl">Its base URL.</param>
/// <param name="AuthenticationType">Its authentication scheme (<c>Custom</c> for a provider set in code).</param>
/// <param name="RateLimited">Whether a client-side or shared rate limit applies.</param>
/// <param name="Metrics">Its call metrics.</param>
/// <param name="LastHealth">Its last health probe, if one ran.</param>
public sealed record IntegrationStatus(
    string Name,
    Uri BaseUrl,
    string AuthenticationType,
    bool RateLimited,
    IntegrationMetrics Metrics,
    IntegrationHealthSnapshot? LastHealth);
