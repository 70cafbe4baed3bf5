namespace Conduit.Sandbox.Streaming;

/// <summary>A parsed stream channel.</summary>
/// <param name="Kind">Which channel it is.</param>
/// <param name="Text">The channel exactly as the client wrote it (acknowledgements and data frames echo it).</param>
/// <param name="Key">The canonical form (lower-case ids), which events are matched on.</param>
/// <param name="OrgId">The org id of org channels.</param>
/// <param name="SiteId">The site id of site and location channels.</param>
/// <param name="DeviceId">The device id of the device command channel.</param>
/// <param name="MapId">The map id of location channels.</param>
internal sealed record StreamChannel(StreamChannelKind Kind, string Text, string Key, string? OrgId, string? SiteId, string? DeviceId, string? MapId)
{
    /// <summary>Whether the channel gets an event on every tick of the stream interval.</summary>
    public bool IsPeriodic => Kind is not (StreamChannelKind.OrgMxEdges or StreamChannelKind.SiteDevices or StreamChannelKind.SiteMxEdges
        or StreamChannelKind.SitePcaps or StreamChannelKind.DeviceCommand);
}
