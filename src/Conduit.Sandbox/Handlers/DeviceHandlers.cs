using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Handlers;

/// <summary>Site devices (list, get, update) and the org inventory (list with filters).</summary>
internal sealed class DeviceHandlers(HandlerContext context)
{
    private static readonly string[] InventoryFilters = ["serial", "model", "type", "mac", "site_id"];

    /// <summary>The org inventory's item of each device, serialised once per stored device.</summary>
    private readonly EntityView inventory = new(InventoryItem);

    public void Register(IDictionary<string, StatefulHandler> handlers)
    {
        handlers["listSiteDevices"] = new(HandlerAccess.Authenticated, ListSiteDevices);
        handlers["getSiteDevice"] = new(HandlerAccess.Authenticated, GetSiteDevice);
        handlers["updateSiteDevice"] = new(HandlerAccess.Authenticated, UpdateSiteDevice);
        handlers["getOrgInventory"] = new(HandlerAccess.Authenticated, GetOrgInventory);
    }

    private SandboxResponse ListSiteDevices(SandboxRequest request)
    {
        var siteId = request.PathValue("site_id");
        var type = request.Query("type") ?? DefaultOf(request, "type") ?? "ap";
        var name = request.Query("name");
        var devices = context.State.Devices.Query(EntityCollection.Key("site-devices", siteId, type, name), d =>
            string.Equals(d.SiteId, siteId, StringComparison.OrdinalIgnoreCase)
            && (type == "all" || d.Text("type") == type)
            && (name is null || string.Equals(d.Text("name"), name, StringComparison.OrdinalIgnoreCase)));
        return HandlerContext.Paged(request, devices, static d => d.Bytes);
    }

    private SandboxResponse GetSiteDevice(SandboxRequest request)
    {
        var device = Find(request);
        return device is null ? HandlerContext.NotFound() : SandboxResponse.Json(device.Bytes);
    }

    private SandboxResponse UpdateSiteDevice(SandboxRequest request)
    {
        if (Find(request) is not { } device)
        {
            return HandlerContext.NotFound();
        }

        var updated = context.State.Devices.Update(device.Id, json =>
        {
            HandlerContext.Merge(json, request.Body, "org_id", "site_id", "type", "mac", "serial", "model");
            json["modified_time"] = context.State.Now;
        });
        return updated is null ? HandlerContext.NotFound() : SandboxResponse.Json(updated.Bytes);
    }

    private Entity? Find(SandboxRequest request)
    {
        var device = context.State.Devices.Get(request.PathValue("device_id"));
        return device is not null && string.Equals(device.SiteId, request.PathValue("site_id"), StringComparison.OrdinalIgnoreCase) ? device : null;
    }

    private SandboxResponse GetOrgInventory(SandboxRequest request)
    {
        var orgId = request.PathValue("org_id");
        var values = InventoryFilters.Select(request.Query).ToArray();
        var filters = InventoryFilters.Zip(values, (f, v) => (Name: f, Value: v)).Where(f => f.Value is not null).ToArray();
        var unassigned = request.Query("unassigned") is { } flag && bool.TryParse(flag, out var only) ? only : (bool?)null;
        var key = EntityCollection.Key(["inventory", orgId, unassigned?.ToString(), .. values]);
        var devices = context.State.Devices.Query(key, d =>
            string.Equals(d.OrgId, orgId, StringComparison.OrdinalIgnoreCase)
            && filters.All(f => string.Equals(d.Text(f.Name), f.Value, StringComparison.OrdinalIgnoreCase))
            && (unassigned is null || (d.SiteId is null) == unassigned));
        return HandlerContext.Paged(request, devices, inventory.Bytes);
    }

    private static byte[] InventoryItem(Entity device)
    {
        var item = new JsonObject
        {
            ["id"] = device.Id,
            ["org_id"] = device.OrgId,
            ["site_id"] = device.SiteId,
            ["mac"] = device.Text("mac"),
            ["serial"] = device.Text("serial"),
            ["model"] = device.Text("model"),
            ["type"] = device.Text("type"),
            ["name"] = device.Text("name"),
            ["hostname"] = device.Text("name"),
            ["connected"] = device.SiteId is not null && HandlerContext.IsConnected(device),
            ["adopted"] = true,
            ["created_time"] = device.Json["created_time"]?.DeepClone(),
            ["modified_time"] = device.Json["modified_time"]?.DeepClone(),
        };
        if (device.SiteId is null)
        {
            item.Remove("site_id");
        }

        return JsonBytes.From(item);
    }

    private static string? DefaultOf(SandboxRequest request, string parameter)
        => request.Operation.QueryParameters.TryGetValue(parameter, out var p) && p.Schema?.Default is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
