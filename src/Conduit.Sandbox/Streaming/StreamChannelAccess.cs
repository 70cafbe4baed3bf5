using Conduit.Sandbox.Auth;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// Whether a caller may subscribe to a channel: its org, site and device must exist and the caller
/// must hold a privilege on the org (or its MSP) or on the site — the rules of the REST API's reads.
/// Map ids are not checked against maps (the sandbox keeps none); any UUID is a map.
/// </summary>
internal sealed class StreamChannelAccess(MistState state)
{
    public const string Forbidden = "You do not have permission to subscribe to this channel.";

    /// <summary>Null when <paramref name="principal"/> may subscribe, else why not.</summary>
    public string? Deny(SandboxPrincipal principal, StreamChannel channel)
    {
        var privileges = principal.Account.Privileges;
        if (channel.OrgId is { } orgId)
        {
            var org = state.Orgs.Get(orgId);
            if (org is null)
            {
                return state.Deleted.ContainsKey(orgId) ? $"Org {orgId} not found." : Forbidden;
            }

            return ScopeGuard.OrgPrivilege(privileges, org) is null ? Forbidden : null;
        }

        if (channel.SiteId is not { } siteId)
        {
            return Forbidden;
        }

        var site = state.Sites.Get(siteId);
        if (site is null)
        {
            return $"Site {siteId} not found.";
        }

        var siteOrg = site.OrgId is null ? null : state.Orgs.Get(site.OrgId);
        var granted = (siteOrg is null ? null : ScopeGuard.OrgPrivilege(privileges, siteOrg))
            ?? privileges.FirstOrDefault(p => p.Scope == "site" && ScopeGuard.Same(p.SiteId, siteId));
        if (granted is null)
        {
            return Forbidden;
        }

        if (channel.DeviceId is { } deviceId && !string.Equals(state.Devices.Get(deviceId)?.SiteId, siteId, StringComparison.OrdinalIgnoreCase))
        {
            return $"Device {deviceId} not found in site {siteId}.";
        }

        return null;
    }
}
