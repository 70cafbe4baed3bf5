using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.Routing;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Auth;

/// <summary>
/// Checks the <c>msp_id</c>, <c>org_id</c> and <c>site_id</c> of a path against the user's
/// privileges: outside them → 403; a deleted org or an unknown or deleted site → 404; a read-only
/// role may only read.
/// </summary>
internal sealed class ScopeGuard(MistState state)
{
    public SandboxResponse? Check(SandboxPrincipal principal, RouteMatch route, string method)
    {
        var privileges = principal.Account.Privileges;
        Privilege? granted = null;
        if (route.Value("msp_id") is { } mspId)
        {
            granted = privileges.FirstOrDefault(p => p.Scope == "msp" && Same(p.MspId, mspId));
            if (granted is null)
            {
                return Forbidden();
            }
        }

        if (route.Value("org_id") is { } orgId)
        {
            var org = state.Orgs.Get(orgId);
            if (org is null)
            {
                return state.Deleted.ContainsKey(orgId) ? NotFound() : Forbidden();
            }

            granted = OrgPrivilege(privileges, org);
            if (granted is null)
            {
                return Forbidden();
            }
        }

        if (route.Value("site_id") is { } siteId)
        {
            var site = state.Sites.Get(siteId);
            if (site is null)
            {
                return NotFound();
            }

            var org = site.OrgId is null ? null : state.Orgs.Get(site.OrgId);
            granted = (org is null ? null : OrgPrivilege(privileges, org))
                ?? privileges.FirstOrDefault(p => p.Scope == "site" && Same(p.SiteId, siteId));
            if (granted is null)
            {
                return Forbidden();
            }
        }

        var reads = method is "GET" or "HEAD" or "OPTIONS";
        if (!reads && granted is not null && !granted.CanWrite)
        {
            return Forbidden();
        }

        if (!reads && granted is null && privileges.Length > 0 && privileges.All(p => !p.CanWrite))
        {
            return Forbidden();
        }

        return null;
    }

    internal static Privilege? OrgPrivilege(Privilege[] privileges, Entity org)
        => privileges.FirstOrDefault(p => p.Scope == "org" && Same(p.OrgId, org.Id))
            ?? privileges.FirstOrDefault(p => p.Scope == "msp" && Same(p.MspId, org.Text("msp_id")));

    internal static bool Same(string? left, string? right) => left is not null && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static SandboxResponse Forbidden() => SandboxResponse.Error(403, "You do not have permission to perform this action.");

    private static SandboxResponse NotFound() => SandboxResponse.Error(404, "Not found.");
}
