namespace Conduit.Integrations.Health;

/// <summary>
/// How an integration's health is probed: one request to <see cref="Path"/> (no retries, no client-side rate limit,
/// the integration's authentication and headers). A 2xx answer within <see cref="DegradedThreshold"/> is healthy; a
/// slower 2xx, or a 429, is degraded; anything else (error status, timeout, connection failure) is unhealthy.
/// </summary>
public sealed class IntegrationHealthCheckOptions
{
    /// <summary>Whether the integration is probed. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The path probed, relative to the base URL (empty for the base URL itself). Default <c>health</c>.</summary>
    public string Path { get; set; } = "health";

    /// <summary>The HTTP method. Default <c>GET</c>.</summary>
    public string Method { get; set; } = "GET";

    /// <summary>The probe's timeout. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A successful probe slower than this reports degraded. Default 2 s.</summary>
    public TimeSpan DegradedThreshold { get; set; } = TimeSpan.FromSeconds(2);

    internal IntegrationHealthCheckOptions Clone() => (IntegrationHealthCheckOptions)MemberwiseClone();
}
