namespace Conduit.Mist.Compatibility;

/// <summary>An organization the token can reach, from the privileges of <c>GET /api/v1/self</c>.</summary>
/// <param name="Id">The org id.</param>
/// <param name="Name">The org name.</param>
/// <param name="Role">The role on it (<c>admin</c>, <c>write</c>, <c>read</c>…).</param>
/// <param name="MspId">The MSP it belongs to, when known.</param>
public sealed record MistOrganization(string Id, string Name, string Role, string? MspId);
