namespace Conduit.Sandbox.Auth;

/// <summary>One scope a user may act on, as <c>/self</c> lists it.</summary>
/// <param name="Scope"><c>msp</c>, <c>org</c> or <c>site</c>.</param>
/// <param name="Role"><c>admin</c>, <c>write</c> or <c>read</c>.</param>
/// <param name="Name">The scope's display name.</param>
/// <param name="MspId">The MSP id (msp scope, or the org's MSP).</param>
/// <param name="OrgId">The org id (org and site scopes).</param>
/// <param name="SiteId">The site id (site scope).</param>
internal sealed record Privilege(string Scope, string Role, string Name, string? MspId, string? OrgId, string? SiteId)
{
    public bool CanWrite => Role is "admin" or "write";
}
