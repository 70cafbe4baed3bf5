using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Hosting;
using Conduit.Sandbox.Validation;

namespace Conduit.Sandbox.Handlers;

/// <summary>
/// Alarm and device-event searches, org and site wide: time window (<c>start</c>, <c>end</c>,
/// <c>duration</c>), simple filters, newest first, and Mist's cursor paging — <c>next</c> is a
/// relative <c>/api/…</c> URL with a URL-encoded <c>search_after</c>, null on the last page.
/// </summary>
internal sealed class SearchHandlers(HandlerContext context)
{
    private static readonly string[] Filters = ["type", "site_id", "mac", "severity", "group", "device_type", "model"];

    public void Register(IDictionary<string, StatefulHandler> handlers)
    {
        handlers["searchOrgAlarms"] = new(HandlerAccess.Authenticated, r => Search(r, context.State.Alarms, "org_id"));
        handlers["searchSiteAlarms"] = new(HandlerAccess.Authenticated, r => Search(r, context.State.Alarms, "site_id"));
        handlers["searchOrgDeviceEvents"] = new(HandlerAccess.Authenticated, r => Search(r, context.State.DeviceEvents, "org_id"));
        handlers["searchSiteDeviceEvents"] = new(HandlerAccess.Authenticated, r => Search(r, context.State.DeviceEvents, "site_id"));
    }

    private SandboxResponse Search(SandboxRequest request, List<JsonObject> source, string scopeKey)
    {
        var scopeId = request.PathValue(scopeKey);
        var end = request.QueryLong("end") ?? context.State.Now;
        var start = request.QueryLong("start") ?? end - ParseDuration(request.Query("duration"));
        var limit = request.Limit;
        var after = ParseCursor(request.Query(RequestValidator.SearchAfter));
        var filters = Filters
            .Where(f => f != scopeKey && request.Operation.QueryParameters.ContainsKey(f))
            .Select(f => (Name: f, Value: request.Query(f)))
            .Where(f => f.Value is not null)
            .ToArray();

        var matches = new List<int>();
        for (var i = 0; i < source.Count; i++)
        {
            var item = source[i];
            var timestamp = (long?)item["timestamp"] ?? 0;
            if (string.Equals((string?)item[scopeKey], scopeId, StringComparison.OrdinalIgnoreCase)
                && timestamp >= start && timestamp <= end
                && filters.All(f => string.Equals(item[f.Name]?.ToString(), f.Value, StringComparison.OrdinalIgnoreCase)))
            {
                matches.Add(i);
            }
        }

        var first = after is { } cursor ? matches.FindIndex(i => i > cursor) : 0;
        if (first < 0)
        {
            first = matches.Count;
        }

        var page = matches.Skip(first).Take(limit).ToList();
        var results = new JsonArray([.. page.Select(i => (JsonNode)source[i].DeepClone())]);
        var hasMore = first + page.Count < matches.Count;
        var body = new JsonObject
        {
            ["results"] = results,
            ["total"] = matches.Count,
            ["limit"] = limit,
            ["start"] = start,
            ["end"] = end,
            ["next"] = hasMore ? NextLink(request, start, end, limit, (long?)source[page[^1]]["timestamp"] ?? 0, page[^1]) : null,
        };
        return SandboxResponse.Json(body);
    }

    private static string NextLink(SandboxRequest request, long start, long end, int limit, long timestamp, int position)
    {
        var link = new StringBuilder(request.Http.Request.Path.Value);
        link.Append(CultureInfo.InvariantCulture, $"?limit={limit}&start={start}&end={end}");
        foreach (var (name, values) in request.Http.Request.Query)
        {
            if (name is not ("limit" or "start" or "end" or "duration" or RequestValidator.SearchAfter))
            {
                foreach (var value in values)
                {
                    link.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
                }
            }
        }

        var cursor = string.Create(CultureInfo.InvariantCulture, $"[{timestamp}, {position}]");
        return link.Append("&search_after=").Append(Uri.EscapeDataString(cursor)).ToString();
    }

    private static int? ParseCursor(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Trim('[', ']', ' ').Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) ? position : null;
    }

    /// <summary>Parses Mist durations (<c>10m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c>) to seconds; one day by default.</summary>
    public static long ParseDuration(string? text)
    {
        if (string.IsNullOrEmpty(text) || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount))
        {
            return 86_400;
        }

        return text[^1] switch
        {
            'm' => amount * 60,
            'h' => amount * 3600,
            'd' => amount * 86_400,
            'w' => amount * 604_800,
            _ => 86_400,
        };
    }
}
