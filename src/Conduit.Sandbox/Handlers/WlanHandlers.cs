using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Handlers;

/// <summary>Org and site WLANs: list, create, get, update, delete.</summary>
internal sealed class WlanHandlers(HandlerContext context)
{
    public void Register(IDictionary<string, StatefulHandler> handlers)
    {
        var org = new Scope(context.State.OrgWlans, "org_id");
        var site = new Scope(context.State.SiteWlans, "site_id");
        handlers["listOrgWlans"] = new(HandlerAccess.Authenticated, r => List(r, org));
        handlers["createOrgWlan"] = new(HandlerAccess.Authenticated, r => Create(r, org));
        handlers["getOrgWLAN"] = new(HandlerAccess.Authenticated, r => Get(r, org));
        handlers["updateOrgWlan"] = new(HandlerAccess.Authenticated, r => Update(r, org));
        handlers["deleteOrgWlan"] = new(HandlerAccess.Authenticated, r => Delete(r, org));
        handlers["listSiteWlans"] = new(HandlerAccess.Authenticated, r => List(r, site));
        handlers["createSiteWlan"] = new(HandlerAccess.Authenticated, r => Create(r, site));
        handlers["getSiteWlan"] = new(HandlerAccess.Authenticated, r => Get(r, site));
        handlers["updateSiteWlan"] = new(HandlerAccess.Authenticated, r => Update(r, site));
        handlers["deleteSiteWlan"] = new(HandlerAccess.Authenticated, r => Delete(r, site));
    }

    private static SandboxResponse List(SandboxRequest request, Scope scope)
    {
        var parent = request.PathValue(scope.ParentKey);
        var wlans = scope.Wlans.Query(EntityCollection.Key(scope.ParentKey, parent), w => string.Equals(w.Text(scope.ParentKey), parent, StringComparison.OrdinalIgnoreCase));
        return HandlerContext.Paged(request, wlans, static w => w.Bytes);
    }

    private SandboxResponse Create(SandboxRequest request, Scope scope)
    {
        var state = context.State;
        var wlan = new JsonObject();
        HandlerContext.Merge(wlan, request.Body, "org_id", "site_id");
        wlan["id"] = state.Ids.NewId();
        if (scope.ParentKey == "site_id")
        {
            var site = state.Sites.Get(request.PathValue("site_id"));
            wlan["org_id"] = site?.OrgId;
            wlan["site_id"] = request.PathValue("site_id");
        }
        else
        {
            wlan["org_id"] = request.PathValue("org_id");
        }

        wlan["created_time"] = state.Now;
        wlan["modified_time"] = state.Now;
        return SandboxResponse.Json(scope.Wlans.Add(wlan).Bytes);
    }

    private static SandboxResponse Get(SandboxRequest request, Scope scope)
        => Find(request, scope) is { } wlan ? SandboxResponse.Json(wlan.Bytes) : HandlerContext.NotFound();

    private SandboxResponse Update(SandboxRequest request, Scope scope)
    {
        if (Find(request, scope) is not { } wlan)
        {
            return HandlerContext.NotFound();
        }

        var updated = scope.Wlans.Update(wlan.Id, json =>
        {
            HandlerContext.Merge(json, request.Body, "org_id", "site_id");
            json["modified_time"] = context.State.Now;
        });
        return updated is null ? HandlerContext.NotFound() : SandboxResponse.Json(updated.Bytes);
    }

    private static SandboxResponse Delete(SandboxRequest request, Scope scope)
        => Find(request, scope) is { } wlan && scope.Wlans.Remove(wlan.Id) is not null ? SandboxResponse.NoBody() : HandlerContext.NotFound();

    private static Entity? Find(SandboxRequest request, Scope scope)
    {
        var wlan = scope.Wlans.Get(request.PathValue("wlan_id"));
        return wlan is not null && string.Equals(wlan.Text(scope.ParentKey), request.PathValue(scope.ParentKey), StringComparison.OrdinalIgnoreCase) ? wlan : null;
    }

    private sealed record Scope(EntityCollection Wlans, string ParentKey);
}
