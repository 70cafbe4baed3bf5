using System.Diagnostics.CodeAnalysis;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// Parses the channel strings of Mist's stream API (<c>/sites/{site_id}/stats/devices</c>…) and checks
/// that their ids are UUIDs. Existence and privileges are checked by <see cref="StreamChannelAccess"/>.
/// </summary>
internal static class StreamChannelParser
{
    /// <summary>The longest channel string accepted.</summary>
    public const int MaxLength = 512;

    private static readonly Template[] Templates =
    [
        new("/orgs/{org_id}/insights/summary", StreamChannelKind.OrgInsightsSummary),
        new("/orgs/{org_id}/stats/mxedges", StreamChannelKind.OrgMxEdgeStats),
        new("/orgs/{org_id}/mxedges", StreamChannelKind.OrgMxEdges),
        new("/sites/{site_id}/stats/devices", StreamChannelKind.SiteDeviceStats),
        new("/sites/{site_id}/stats/clients", StreamChannelKind.SiteClientStats),
        new("/sites/{site_id}/devices", StreamChannelKind.SiteDevices),
        new("/sites/{site_id}/stats/mxedges", StreamChannelKind.SiteMxEdgeStats),
        new("/sites/{site_id}/mxedges", StreamChannelKind.SiteMxEdges),
        new("/sites/{site_id}/pcaps", StreamChannelKind.SitePcaps),

        // The spelling of the mistapi Python package; the same channel.
        new("/sites/{site_id}/pcap", StreamChannelKind.SitePcaps, "/sites/{site_id}/pcaps"),
        new("/sites/{site_id}/devices/{device_id}/cmd", StreamChannelKind.DeviceCommand),
        new("/sites/{site_id}/stats/maps/{map_id}/clients", StreamChannelKind.MapClients),
        new("/sites/{site_id}/stats/maps/{map_id}/sdkclients", StreamChannelKind.MapSdkClients),
        new("/sites/{site_id}/stats/maps/{map_id}/unconnected_clients", StreamChannelKind.MapUnconnectedClients),
        new("/sites/{site_id}/stats/maps/{map_id}/discovered_assets", StreamChannelKind.MapDiscoveredAssets),
        new("/sites/{site_id}/stats/maps/{map_id}/assets", StreamChannelKind.MapAssets),
    ];

    /// <summary>The channel templates, for documentation and error messages.</summary>
    public static IEnumerable<string> Patterns => Templates.Where(t => t.Canonical == t.Pattern).Select(t => t.Pattern);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="detail"/> says why.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out StreamChannel? channel, [NotNullWhen(false)] out string? detail)
    {
        channel = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text[0] != '/')
        {
            detail = Unknown;
            return false;
        }

        var segments = text[1..].Split('/');
        foreach (var template in Templates)
        {
            if (!template.Fits(segments))
            {
                continue;
            }

            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < segments.Length; i++)
            {
                if (template.Segments[i] is ['{', .. var name, '}'])
                {
                    if (!Guid.TryParseExact(segments[i], "D", out _))
                    {
                        detail = $"Invalid {name} '{Shorten(segments[i])}': not a UUID.";
                        return false;
                    }

                    ids[name] = segments[i].ToLowerInvariant();
                }
            }

            var key = template.Canonical;
            foreach (var (name, value) in ids)
            {
                key = key.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }

            channel = new StreamChannel(template.Kind, text, key, ids.GetValueOrDefault("org_id"), ids.GetValueOrDefault("site_id"), ids.GetValueOrDefault("device_id"), ids.GetValueOrDefault("map_id"));
            detail = null;
            return true;
        }

        detail = Unknown;
        return false;
    }

    /// <summary>The canonical key of <paramref name="text"/> when it is a channel, else the text itself.</summary>
    public static string KeyOf(string text) => TryParse(text, out var channel, out _) ? channel.Key : text;

    private static string Unknown => "Unknown channel: not one of the stream channels of the Mist API (" + string.Join(", ", Patterns) + ").";

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private sealed class Template(string pattern, StreamChannelKind kind, string? canonical = null)
    {
        public string Pattern { get; } = pattern;

        public string Canonical { get; } = canonical ?? pattern;

        public StreamChannelKind Kind { get; } = kind;

        public string[] Segments { get; } = pattern[1..].Split('/');

        public bool Fits(string[] segments)
        {
            if (segments.Length != Segments.Length)
            {
                return false;
            }

            for (var i = 0; i < segments.Length; i++)
            {
                if (Segments[i][0] != '{' && !string.Equals(Segments[i], segments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
