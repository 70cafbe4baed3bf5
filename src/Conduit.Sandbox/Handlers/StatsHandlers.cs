using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Handlers;

/// <summary>Org and site stats: the document's answer overlaid with counts from the state.</summary>
internal sealed class StatsHandlers(HandlerContext context)
{
    public void Register(IDictionary<string, StatefulHandler> handlers)
    {
        handlers["getOrgStats"] = new(HandlerAccess.Authenticated, OrgStats);
        handlers["getSiteStats"] = new(HandlerAccess.Authenticated, SiteStats);
    }

    private SandboxResponse OrgStats(SandboxRequest request)
    {
        var state = context.State;
        if (state.Orgs.Get(request.PathValue("org_id")) is not { } org)
        {
            return HandlerContext.NotFound();
        }

        var devices = state.Devices.Query(EntityCollection.Key("stats-org-devices", org.Id), d => d.OrgId == org.Id);
        var assigned = devices.Where(d => d.SiteId is not null).ToList();
        var connected = assigned.Count(HandlerContext.IsConnected);
        var body = context.Catalog.Template(request.Operation) as JsonObject ?? [];
        CopyFrom(body, org, "id", "name", "msp_id", "created_time", "modified_time", "allow_mist", "session_expiry", "orggroup_ids");
        body["num_sites"] = state.Sites.Where(s => s.OrgId == org.Id).Count;
        body["num_devices"] = assigned.Count;
        body["num_inventory"] = devices.Count;
        body["num_devices_connected"] = connected;
        body["num_devices_disconnected"] = assigned.Count - connected;
        return SandboxResponse.Json(body);
    }

    private SandboxResponse SiteStats(SandboxRequest request)
    {
        var state = context.State;
        if (state.Sites.Get(request.PathValue("site_id")) is not { } site)
        {
            return HandlerContext.NotFound();
        }

        var devices = state.Devices.Query(EntityCollection.Key("stats-site-devices", site.Id), d => d.SiteId == site.Id);
        var body = context.Catalog.Template(request.Operation) as JsonObject ?? [];
        CopyFrom(body, site, "id", "org_id", "name", "timezone", "country_code", "address", "latlng", "created_time", "modified_time");
        body["msp_id"] = state.MspId;
        foreach (var type in new[] { "ap", "switch", "gateway" })
        {
            var ofType = devices.Where(d => d.Text("type") == type).ToList();
            body[$"num_{type}"] = ofType.Count;
            body[$"num_{type}_connected"] = ofType.Count(HandlerContext.IsConnected);
        }

        body["num_devices"] = devices.Count;
        body["num_devices_connected"] = devices.Count(HandlerContext.IsConnected);
        body["num_clients"] = devices.Count(d => d.Text("type") == "ap") * 7;
        return SandboxResponse.Json(body);
    }

    private static void CopyFrom(JsonObject target, Entity entity, params string[] names)
    {
        foreach (var name in names)
        {
            if (entity.Json[name] is { } value)
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
