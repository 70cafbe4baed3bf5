namespace Conduit.Mist.Streaming;

/// <summary>
/// One channel of the Mist WebSocket stream, such as <c>/sites/{site_id}/stats/devices</c>. The static factories
/// build the channels Mist documents (org, site and location channels); <see cref="Raw"/> accepts any other path.
/// </summary>
/// <example>
/// <code>
/// var channel = MistChannel.SiteDeviceStats(siteId);          // /sites/{siteId}/stats/devices
/// var custom = MistChannel.Raw("/sites/{siteId}/stats/devices");
/// </code>
/// </example>
public sealed record MistChannel
{
    private MistChannel(string path) => Path = path;

    /// <summary>The channel as sent in <c>{"subscribe": "…"}</c>, for example <c>/orgs/{org_id}/insights/summary</c>.</summary>
    public string Path { get; }

    /// <summary>Any channel path; it must start with <c>/</c> and contain no whitespace.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, does not start with <c>/</c> or contains whitespace.</exception>
    public static MistChannel Raw(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path[0] != '/' || path.Any(char.IsWhiteSpace) || path.Any(char.IsControl))
        {
            throw new ArgumentException($"A channel starts with '/' and contains no whitespace (was '{path}').", nameof(path));
        }

        return new MistChannel(path);
    }

    /// <summary><c>/orgs/{org_id}/insights/summary</c>: the org's insight totals.</summary>
    public static MistChannel OrgInsightsSummary(string orgId) => Build("orgs", Id(orgId, nameof(orgId)), "insights/summary");

    /// <summary><c>/orgs/{org_id}/stats/mxedges</c>: MxEdge statistics of the org.</summary>
    public static MistChannel OrgMxEdgeStats(string orgId) => Build("orgs", Id(orgId, nameof(orgId)), "stats/mxedges");

    /// <summary><c>/orgs/{org_id}/mxedges</c>: MxEdge changes and upgrades in the org.</summary>
    public static MistChannel OrgMxEdges(string orgId) => Build("orgs", Id(orgId, nameof(orgId)), "mxedges");

    /// <summary><c>/sites/{site_id}/stats/devices</c>: device statistics of the site.</summary>
    public static MistChannel SiteDeviceStats(string siteId) => Site(siteId, "stats/devices");

    /// <summary><c>/sites/{site_id}/stats/clients</c>: wireless client statistics of the site.</summary>
    public static MistChannel SiteClientStats(string siteId) => Site(siteId, "stats/clients");

    /// <summary><c>/sites/{site_id}/devices</c>: device changes and upgrades in the site.</summary>
    public static MistChannel SiteDevices(string siteId) => Site(siteId, "devices");

    /// <summary><c>/sites/{site_id}/stats/mxedges</c>: MxEdge statistics of the site.</summary>
    public static MistChannel SiteMxEdgeStats(string siteId) => Site(siteId, "stats/mxedges");

    /// <summary><c>/sites/{site_id}/mxedges</c>: MxEdge changes in the site.</summary>
    public static MistChannel SiteMxEdges(string siteId) => Site(siteId, "mxedges");

    /// <summary><c>/sites/{site_id}/pcaps</c>: packet captures of the site.</summary>
    public static MistChannel SitePcaps(string siteId) => Site(siteId, "pcaps");

    /// <summary><c>/sites/{site_id}/devices/{device_id}/cmd</c>: output of commands sent to a device (ping, traceroute, …).</summary>
    public static MistChannel SiteDeviceCommands(string siteId, string deviceId)
        => Site(siteId, $"devices/{Id(deviceId, nameof(deviceId))}/cmd");

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/clients</c>: positions of connected clients on a map.</summary>
    public static MistChannel LocationClients(string siteId, string mapId) => Map(siteId, mapId, "clients");

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/sdkclients</c>: positions of SDK clients on a map.</summary>
    public static MistChannel LocationSdkClients(string siteId, string mapId) => Map(siteId, mapId, "sdkclients");

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/unconnected_clients</c>: positions of unconnected clients on a map.</summary>
    public static MistChannel LocationUnconnectedClients(string siteId, string mapId) => Map(siteId, mapId, "unconnected_clients");

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/discovered_assets</c>: positions of discovered BLE assets on a map.</summary>
    public static MistChannel LocationDiscoveredAssets(string siteId, string mapId) => Map(siteId, mapId, "discovered_assets");

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/assets</c>: positions of known BLE assets on a map.</summary>
    public static MistChannel LocationAssets(string siteId, string mapId) => Map(siteId, mapId, "assets");

    /// <summary>The channel path.</summary>
    public override string ToString() => Path;

    private static MistChannel Site(string siteId, string rest) => Build("sites", Id(siteId, nameof(siteId)), rest);

    private static MistChannel Map(string siteId, string mapId, string rest)
        => Site(siteId, $"stats/maps/{Id(mapId, nameof(mapId))}/{rest}");

    private static MistChannel Build(string scope, string id, string rest) => new($"/{scope}/{id}/{rest}");

    private static string Id(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        if (id.Any(c => c is '/' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"An id may not contain '/', '?', '#' or whitespace (was '{id}').", name);
        }

        return id;
    }
}
