using System.Text.Json.Nodes;
using Conduit.Sandbox.Routing;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// The events that successful REST writes emit, the way Mist's stream reports changes:
/// <list type="bullet">
/// <item><c>PUT /api/v1/sites/{site_id}/devices/{device_id}</c> → the updated device on <c>/sites/{site_id}/devices</c>.</item>
/// <item><c>POST /api/v1/sites/{site_id}/devices/{device_id}/{command…}</c> → the command's output on
/// <c>/sites/{site_id}/devices/{device_id}/cmd</c>; an <c>upgrade…</c> command also emits an upgrade event on <c>/sites/{site_id}/devices</c>.</item>
/// <item>writes under <c>/api/v1/sites/{site_id}/pcaps</c>, <c>/api/v1/sites/{site_id}/mxedges</c> and
/// <c>/api/v1/orgs/{org_id}/mxedges</c> → an event on <c>/sites/{site_id}/pcaps</c>, <c>/sites/{site_id}/mxedges</c>, <c>/orgs/{org_id}/mxedges</c>.</item>
/// </list>
/// </summary>
internal static class StreamWriteEvents
{
    private const string DevicePath = "/api/v1/sites/{site_id}/devices/{device_id}";

    public static void Publish(MistSandboxStreams streams, MistState state, string method, RouteMatch route, byte[] answer)
    {
        var template = route.Operation?.Path ?? string.Empty;
        var siteId = route.Value("site_id")?.ToLowerInvariant();
        var orgId = route.Value("org_id")?.ToLowerInvariant();
        var deviceId = route.Value("device_id")?.ToLowerInvariant();
        if (template == DevicePath && method == "PUT")
        {
            streams.PublishKey($"/sites/{siteId}/devices", () => answer);
        }
        else if (template.StartsWith(DevicePath + "/", StringComparison.Ordinal) && method == "POST")
        {
            var command = template[(DevicePath.Length + 1)..];
            var session = Parse(answer)?["session"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : state.Ids.NewId();
            streams.PublishKey($"/sites/{siteId}/devices/{deviceId}/cmd", () => JsonBytes.From(new JsonObject
            {
                ["session"] = session,
                ["device_id"] = deviceId,
                ["command"] = command,
                ["raw"] = $"sandbox> {command}\n{command} completed on device {deviceId}.\n",
                ["timestamp"] = state.Now,
            }));
            if (command.StartsWith("upgrade", StringComparison.Ordinal))
            {
                streams.PublishKey($"/sites/{siteId}/devices", () => JsonBytes.From(new JsonObject
                {
                    ["id"] = deviceId,
                    ["site_id"] = siteId,
                    ["mac"] = state.Devices.Get(deviceId!)?.Text("mac"),
                    ["status"] = "upgrading",
                    ["command"] = command,
                    ["timestamp"] = state.Now,
                }));
            }
        }
        else if (template.StartsWith("/api/v1/sites/{site_id}/pcaps", StringComparison.Ordinal))
        {
            streams.PublishKey($"/sites/{siteId}/pcaps", () => Generic(state, method, route, answer, ("site_id", siteId)));
        }
        else if (template.StartsWith("/api/v1/sites/{site_id}/mxedges", StringComparison.Ordinal))
        {
            streams.PublishKey($"/sites/{siteId}/mxedges", () => Generic(state, method, route, answer, ("site_id", siteId)));
        }
        else if (template.StartsWith("/api/v1/orgs/{org_id}/mxedges", StringComparison.Ordinal))
        {
            streams.PublishKey($"/orgs/{orgId}/mxedges", () => Generic(state, method, route, answer, ("org_id", orgId)));
        }
    }

    private static byte[] Generic(MistState state, string method, RouteMatch route, byte[] answer, (string Name, string? Value) scope)
    {
        var payload = new JsonObject
        {
            [scope.Name] = scope.Value,
            ["operation"] = route.Operation?.Id,
            ["method"] = method,
            ["timestamp"] = state.Now,
        };
        if (Parse(answer) is JsonObject result)
        {
            payload["result"] = result;
        }

        return JsonBytes.From(payload);
    }

    private static JsonNode? Parse(byte[] answer)
    {
        try
        {
            return answer.Length == 0 ? null : JsonNode.Parse(answer);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
