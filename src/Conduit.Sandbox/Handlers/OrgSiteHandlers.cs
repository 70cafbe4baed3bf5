using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Handlers;

/// <summary>Orgs (MSP list, create, get, update, delete) and sites (org list, create, get, update, delete).</summary>
internal sealed class OrgSiteHandlers(HandlerContext context)
{
    public void Register(IDictionary<string, StatefulHandler> handlers)
    {
        handlers["listMspOrgs"] = new(HandlerAccess.Authenticated, ListMspOrgs);
        handlers["createOrg"] = new(HandlerAccess.Authenticated, CreateOrg);
        handlers["getOrg"] = new(HandlerAccess.Authenticated, r => Get(r, context.State.Orgs.Get(r.PathValue("org_id"))));
        handlers["updateOrg"] = new(HandlerAccess.Authenticated, UpdateOrg);
        handlers["deleteOrg"] = new(HandlerAccess.Authenticated, DeleteOrg);
        handlers["listOrgSites"] = new(HandlerAccess.Authenticated, ListOrgSites);
        handlers["createOrgSite"] = new(HandlerAccess.Authenticated, CreateSite);
        handlers["getSiteInfo"] = new(HandlerAccess.Authenticated, r => Get(r, context.State.Sites.Get(r.PathValue("site_id"))));
        handlers["updateSiteInfo"] = new(HandlerAccess.Authenticated, UpdateSite);
        handlers["deleteSite"] = new(HandlerAccess.Authenticated, DeleteSite);
    }

    private static SandboxResponse Get(SandboxRequest request, Entity? entity)
        => entity is null ? HandlerContext.NotFound() : SandboxResponse.Json(entity.Bytes);

    private SandboxResponse ListMspOrgs(SandboxRequest request)
    {
        var mspId = request.PathValue("msp_id");
        var orgs = context.State.Orgs.Query(EntityCollection.Key("msp-orgs", mspId), o => string.Equals(o.Text("msp_id"), mspId, StringComparison.OrdinalIgnoreCase));
        return request.Operation.IsPaged
            ? HandlerContext.Paged(request, orgs, static o => o.Bytes)
            : SandboxResponse.Json(JsonBytes.Array(orgs, 0, orgs.Count, static o => o.Bytes));
    }

    private SandboxResponse CreateOrg(SandboxRequest request)
    {
        var state = context.State;
        var org = new JsonObject();
        HandlerContext.Merge(org, request.Body, "msp_id");
        var mspPrivilege = request.Principal!.Account.Privileges.FirstOrDefault(p => p.Scope == "msp");
        org["id"] = state.Ids.NewId();
        org["msp_id"] = mspPrivilege?.MspId;
        org["created_time"] = state.Now;
        org["modified_time"] = state.Now;
        if (org["msp_id"] is null)
        {
            org.Remove("msp_id");
        }

        var entity = state.Orgs.Add(org);
        request.Principal.Account.Grant(new Privilege("org", "admin", entity.Text("name") ?? string.Empty, mspPrivilege?.MspId, entity.Id, null));
        return SandboxResponse.Json(entity.Bytes);
    }

    private SandboxResponse UpdateOrg(SandboxRequest request)
    {
        var updated = context.State.Orgs.Update(request.PathValue("org_id"), org =>
        {
            HandlerContext.Merge(org, request.Body, "msp_id");
            org["modified_time"] = context.State.Now;
        });
        return updated is null ? HandlerContext.NotFound() : SandboxResponse.Json(updated.Bytes);
    }

    private SandboxResponse DeleteOrg(SandboxRequest request)
    {
        var state = context.State;
        var removed = state.Orgs.Remove(request.PathValue("org_id"));
        if (removed is null)
        {
            return HandlerContext.NotFound();
        }

        state.Deleted[removed.Id] = true;
        foreach (var site in state.Sites.Where(s => string.Equals(s.OrgId, removed.Id, StringComparison.OrdinalIgnoreCase)))
        {
            state.Sites.Remove(site.Id);
            state.Deleted[site.Id] = true;
        }

        foreach (var account in state.Accounts)
        {
            account.RevokeOrg(removed.Id);
        }

        return SandboxResponse.NoBody();
    }

    private SandboxResponse ListOrgSites(SandboxRequest request)
    {
        var orgId = request.PathValue("org_id");
        var sites = context.State.Sites.Query(EntityCollection.Key("org-sites", orgId), s => string.Equals(s.OrgId, orgId, StringComparison.OrdinalIgnoreCase));
        return HandlerContext.Paged(request, sites, static s => s.Bytes);
    }

    private SandboxResponse CreateSite(SandboxRequest request)
    {
        var state = context.State;
        var site = new JsonObject();
        HandlerContext.Merge(site, request.Body, "org_id");
        site["id"] = state.Ids.NewId();
        site["org_id"] = request.PathValue("org_id");
        site["created_time"] = state.Now;
        site["modified_time"] = state.Now;
        return SandboxResponse.Json(state.Sites.Add(site).Bytes);
    }

    private SandboxResponse UpdateSite(SandboxRequest request)
    {
        var updated = context.State.Sites.Update(request.PathValue("site_id"), site =>
        {
            HandlerContext.Merge(site, request.Body, "org_id");
            site["modified_time"] = context.State.Now;
        });
        return updated is null ? HandlerContext.NotFound() : SandboxResponse.Json(updated.Bytes);
    }

    private SandboxResponse DeleteSite(SandboxRequest request)
    {
        var state = context.State;
        var removed = state.Sites.Remove(request.PathValue("site_id"));
        if (removed is null)
        {
            return HandlerContext.NotFound();
        }

        state.Deleted[removed.Id] = true;
        foreach (var device in state.Devices.Where(d => string.Equals(d.SiteId, removed.Id, StringComparison.OrdinalIgnoreCase)))
        {
            state.Devices.Update(device.Id, d => d["site_id"] = null);
        }

        return SandboxResponse.NoBody();
    }
}
