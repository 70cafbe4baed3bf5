using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Handlers;

/// <summary><c>GET /api/v1/self</c>: the user, its privileges, and its two-factor state.</summary>
internal sealed class SelfHandlers(HandlerContext context)
{
    public void Register(IDictionary<string, StatefulHandler> handlers)
        => handlers["getSelf"] = new(HandlerAccess.AuthenticatedBeforeTwoFactor, GetSelf);

    private SandboxResponse GetSelf(SandboxRequest request)
    {
        var principal = request.Principal!;
        var account = principal.Account;
        var privileges = account.Privileges;
        if (principal.Session is null && account.CachedSelf is { } cached && ReferenceEquals(cached.Privileges, privileges))
        {
            return SandboxResponse.Json(cached.Body);
        }

        var body = new JsonObject
        {
            ["email"] = account.User.Email,
            ["first_name"] = account.FirstName,
            ["last_name"] = account.LastName,
            ["name"] = $"{account.FirstName} {account.LastName}",
            ["enable_two_factor"] = account.User.TwoFactorEnabled,
            ["two_factor_verified"] = account.User.TwoFactorEnabled,
            ["session_expiry"] = 1440,
            ["privileges"] = new JsonArray([.. privileges.Select(Describe)]),
        };
        if (principal.Session is { } session && account.User.TwoFactorEnabled)
        {
            body["two_factor_required"] = session.TwoFactorPending;
            body["two_factor_passed"] = session.TwoFactorPassed;
        }

        var bytes = JsonBytes.From(body);
        if (principal.Session is null)
        {
            account.CachedSelf = new SelfCache(privileges, bytes);
        }

        return SandboxResponse.Json(bytes);
    }

    private JsonNode Describe(Privilege privilege)
    {
        var node = new JsonObject { ["scope"] = privilege.Scope, ["role"] = privilege.Role, ["name"] = privilege.Name };
        if (privilege.MspId is not null)
        {
            node["msp_id"] = privilege.MspId;
            node["msp_name"] = context.State.MspName;
        }

        if (privilege.OrgId is not null)
        {
            node["org_id"] = privilege.OrgId;
            node["org_name"] = context.State.Orgs.Get(privilege.OrgId)?.Text("name") ?? privilege.Name;
        }

        if (privilege.SiteId is not null)
        {
            node["site_id"] = privilege.SiteId;
        }

        return node;
    }
}
