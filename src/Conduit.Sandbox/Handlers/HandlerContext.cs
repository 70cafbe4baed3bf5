using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.State;
using Conduit.Sandbox.Table;

namespace Conduit.Sandbox.Handlers;

/// <summary>What stateful handlers share: the state, sessions, the table and answer templates.</summary>
internal sealed class HandlerContext(MistState state, SessionStore sessions, ApiTable table, ResponseCatalog catalog)
{
    public MistState State { get; } = state;

    public SessionStore Sessions { get; } = sessions;

    public ApiTable Table { get; } = table;

    public ResponseCatalog Catalog { get; } = catalog;

    public static SandboxResponse NotFound() => SandboxResponse.Error(404, "Not found.");

    /// <summary>Serves one page of <paramref name="items"/> with the <c>X-Page-*</c> headers.</summary>
    public static SandboxResponse Paged(SandboxRequest request, IReadOnlyList<byte[]> items) => Paged(request, items, static item => item);

    /// <summary>
    /// Serves one page of <paramref name="items"/> with the <c>X-Page-*</c> headers: only the page's items are
    /// touched, each written from its cached <paramref name="bytes"/>, so a page costs O(limit), not O(list).
    /// </summary>
    public static SandboxResponse Paged<T>(SandboxRequest request, IReadOnlyList<T> items, Func<T, byte[]> bytes)
    {
        var limit = request.Limit;
        var page = request.Page;
        var skip = (long)(page - 1) * limit;
        var start = (int)Math.Min(skip, items.Count);
        var count = Math.Min(limit, items.Count - start);
        return new SandboxResponse(200, JsonBytes.Array(items, start, count, bytes)) { Paging = new PageInfo(items.Count, limit, page) };
    }

    /// <summary>Copies the writable properties of a request body onto an object (server fields stay).</summary>
    public static void Merge(JsonObject target, JsonNode? body, params string[] protectedNames)
    {
        if (body is not JsonObject source)
        {
            return;
        }

        foreach (var (name, value) in source)
        {
            if (Array.IndexOf(protectedNames, name) < 0 && name is not ("id" or "created_time" or "modified_time"))
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    /// <summary>Whether the device is shown as connected (a stable function of its MAC).</summary>
    public static bool IsConnected(Entity device)
    {
        var mac = device.Text("mac") ?? string.Empty;
        var value = 0;
        foreach (var c in mac)
        {
            value = (value * 31) + c;
            value &= 0x7FFFFFFF;
        }

        return value % 7 != 0;
    }

    public TableOperation? Operation(string id) => Table.ById.GetValueOrDefault(id);
}
