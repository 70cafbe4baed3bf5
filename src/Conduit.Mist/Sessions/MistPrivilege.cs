using System.Text.Json;

namespace Conduit.Mist.Sessions;

/// <summary>One privilege of the user behind a session, from <c>GET /api/v1/self</c>.</summary>
/// <param name="Scope">The scope: <c>msp</c>, <c>org</c>, <c>site</c> or <c>sitegroup</c>.</param>
/// <param name="Role">The role on it: <c>admin</c>, <c>write</c>, <c>read</c>, <c>helpdesk</c>, <c>installer</c>…</param>
/// <param name="Name">The name of the scoped object.</param>
/// <param name="OrgId">The org, for org and site scopes.</param>
/// <param name="OrgName">The org's name, when given.</param>
/// <param name="SiteId">The site, for site scopes.</param>
/// <param name="MspId">The MSP, for MSP scopes (and orgs under one).</param>
/// <param name="MspName">The MSP's name, when given.</param>
public sealed record MistPrivilege(string Scope, string Role, string? Name, string? OrgId, string? OrgName, string? SiteId, string? MspId, string? MspName)
{
    internal static MistPrivilege Read(JsonElement element) => new(
        LenientJson.String(element, "scope") ?? string.Empty,
        LenientJson.String(element, "role") ?? string.Empty,
        LenientJson.String(element, "name"),
        LenientJson.String(element, "org_id"),
        LenientJson.String(element, "org_name"),
        LenientJson.String(element, "site_id"),
        LenientJson.String(element, "msp_id"),
        LenientJson.String(element, "msp_name"));
}
