namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>GET health</c>.</summary>
internal sealed record HealthResponse(string Status, string Version, double Uptime, string Database);
