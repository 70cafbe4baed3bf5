namespace Conduit.Sandbox.Streaming;

/// <summary>The Mist stream channels the sandbox serves.</summary>
internal enum StreamChannelKind
{
    /// <summary><c>/orgs/{org_id}/insights/summary</c> (periodic).</summary>
    OrgInsightsSummary,

    /// <summary><c>/orgs/{org_id}/stats/mxedges</c> (periodic).</summary>
    OrgMxEdgeStats,

    /// <summary><c>/orgs/{org_id}/mxedges</c> (after MxEdge writes).</summary>
    OrgMxEdges,

    /// <summary><c>/sites/{site_id}/stats/devices</c> (periodic).</summary>
    SiteDeviceStats,

    /// <summary><c>/sites/{site_id}/stats/clients</c> (periodic).</summary>
    SiteClientStats,

    /// <summary><c>/sites/{site_id}/devices</c> (after device updates and upgrades).</summary>
    SiteDevices,

    /// <summary><c>/sites/{site_id}/stats/mxedges</c> (periodic).</summary>
    SiteMxEdgeStats,

    /// <summary><c>/sites/{site_id}/mxedges</c> (after MxEdge writes).</summary>
    SiteMxEdges,

    /// <summary><c>/sites/{site_id}/pcaps</c> (after packet-capture writes).</summary>
    SitePcaps,

    /// <summary><c>/sites/{site_id}/devices/{device_id}/cmd</c> (after device commands).</summary>
    DeviceCommand,

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/clients</c> (periodic).</summary>
    MapClients,

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/sdkclients</c> (periodic).</summary>
    MapSdkClients,

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/unconnected_clients</c> (periodic).</summary>
    MapUnconnectedClients,

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/discovered_assets</c> (periodic).</summary>
    MapDiscoveredAssets,

    /// <summary><c>/sites/{site_id}/stats/maps/{map_id}/assets</c> (periodic).</summary>
    MapAssets,
}
