using System.Text.Json.Serialization;

namespace Conduit.AuthService;

/// <summary>What <c>GET health</c> reports.</summary>
public sealed record HealthStatus
{
    /// <summary><c>healthy</c> or <c>unhealthy</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The server's version.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>Seconds since the server started.</summary>
    [JsonPropertyName("uptime")]
    public double UptimeSeconds { get; init; }

    /// <summary>The database check, e.g. <c>sqlite: ok</c>.</summary>
    public string Database { get; init; } = string.Empty;

    /// <summary>Whether <see cref="Status"/> is <c>healthy</c>.</summary>
    [JsonIgnore]
    public bool IsHealthy => string.Equals(Status, "healthy", StringComparison.OrdinalIgnoreCase);
}
