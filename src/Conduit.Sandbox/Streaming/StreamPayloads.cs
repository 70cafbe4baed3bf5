using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Conduit.Sandbox.Handlers;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// The periodic payloads, derived from the sandbox's state: each tick a periodic channel reports on the
/// next of its entities in turn (the site's devices, its access points' clients, the org's totals, a
/// map's moving clients and assets). Deterministic for a given state, tick number and clock.
/// </summary>
internal sealed class StreamPayloads(MistState state)
{
    private static readonly string[] Manufacturers = ["Apple", "Samsung", "Intel", "Zebra", "Kontakt.io"];

    /// <summary>The payload (UTF-8 JSON) of event <paramref name="sequence"/> of <paramref name="channel"/>, or null for none.</summary>
    public byte[]? Next(StreamChannel channel, long sequence) => channel.Kind switch
    {
        StreamChannelKind.SiteDeviceStats => DeviceStats(channel, sequence),
        StreamChannelKind.SiteClientStats => ClientStats(channel, sequence),
        StreamChannelKind.OrgInsightsSummary => InsightsSummary(channel),
        StreamChannelKind.OrgMxEdgeStats or StreamChannelKind.SiteMxEdgeStats => MxEdgeStats(channel, sequence),
        StreamChannelKind.MapClients or StreamChannelKind.MapSdkClients or StreamChannelKind.MapUnconnectedClients
            or StreamChannelKind.MapDiscoveredAssets or StreamChannelKind.MapAssets => Location(channel, sequence),
        _ => null,
    };

    private byte[]? DeviceStats(StreamChannel channel, long sequence)
    {
        var devices = state.Devices.Where(d => string.Equals(d.SiteId, channel.SiteId, StringComparison.OrdinalIgnoreCase));
        if (devices.Count == 0)
        {
            return null;
        }

        var device = devices[(int)(sequence % devices.Count)];
        var connected = HandlerContext.IsConnected(device);
        var seed = Hash(device.Id) + sequence;
        var now = state.Now;
        return Write(w =>
        {
            w.WriteString("id", device.Id);
            w.WriteString("mac", device.Text("mac"));
            w.WriteString("name", device.Text("name"));
            w.WriteString("type", device.Text("type"));
            w.WriteString("model", device.Text("model"));
            w.WriteString("serial", device.Text("serial"));
            w.WriteString("org_id", device.OrgId);
            w.WriteString("site_id", device.SiteId);
            w.WriteString("status", connected ? "connected" : "disconnected");
            w.WriteString("ip", Ip(10, device.Id));
            w.WriteString("version", "0.14.29313");
            w.WriteNumber("uptime", connected ? 86_400 + (sequence * 60) : 0);
            w.WriteNumber("last_seen", now);
            w.WriteNumber("num_clients", connected && device.Text("type") == "ap" ? 7 : 0);
            w.WriteNumber("cpu_util", connected ? (int)(seed % 60) + 5 : 0);
            w.WriteNumber("mem_total_kb", 1_048_576);
            w.WriteNumber("mem_used_kb", connected ? 300_000 + (seed % 200_000) : 0);
            w.WriteNumber("tx_bps", connected ? (seed * 7919) % 5_000_000 : 0);
            w.WriteNumber("rx_bps", connected ? (seed * 104_729) % 5_000_000 : 0);
        });
    }

    private byte[]? ClientStats(StreamChannel channel, long sequence)
    {
        var aps = state.Devices.Where(d => string.Equals(d.SiteId, channel.SiteId, StringComparison.OrdinalIgnoreCase) && d.Text("type") == "ap" && HandlerContext.IsConnected(d));
        if (aps.Count == 0)
        {
            return null;
        }

        var ap = aps[(int)(sequence % aps.Count)];
        var slot = (int)(sequence / aps.Count % 7);
        var seed = Hash(ap.Id) + slot;
        var mac = string.Create(CultureInfo.InvariantCulture, $"a0b1c2{seed % 0xFFFFFF:x6}");
        return Write(w =>
        {
            w.WriteString("mac", mac);
            w.WriteString("hostname", string.Create(CultureInfo.InvariantCulture, $"client-{seed % 10_000:D4}"));
            w.WriteString("ip", Ip(172, mac));
            w.WriteString("ap_mac", ap.Text("mac"));
            w.WriteString("ap_id", ap.Id);
            w.WriteString("site_id", ap.SiteId);
            w.WriteString("ssid", slot % 3 == 0 ? "Conduit-Guest" : "Conduit-Corp");
            w.WriteString("band", slot % 2 == 0 ? "5" : "24");
            w.WriteNumber("channel", slot % 2 == 0 ? 36 + (4 * (slot % 4)) : 1 + (5 * (slot % 3)));
            w.WriteNumber("rssi", -40 - (int)((seed + sequence) % 40));
            w.WriteNumber("snr", 20 + (int)((seed + sequence) % 25));
            w.WriteNumber("uptime", 600 + (sequence * 10));
            w.WriteNumber("last_seen", state.Now);
        });
    }

    private byte[]? InsightsSummary(StreamChannel channel)
    {
        var devices = state.Devices.Where(d => string.Equals(d.OrgId, channel.OrgId, StringComparison.OrdinalIgnoreCase) && d.SiteId is not null);
        var connected = devices.Count(HandlerContext.IsConnected);
        var aps = devices.Count(d => d.Text("type") == "ap" && HandlerContext.IsConnected(d));
        return Write(w =>
        {
            w.WriteString("org_id", channel.OrgId);
            w.WriteNumber("timestamp", state.Now);
            w.WriteNumber("num_sites", state.Sites.Where(s => string.Equals(s.OrgId, channel.OrgId, StringComparison.OrdinalIgnoreCase)).Count);
            w.WriteNumber("num_devices", devices.Count);
            w.WriteNumber("num_devices_connected", connected);
            w.WriteNumber("num_devices_disconnected", devices.Count - connected);
            w.WriteNumber("num_clients", aps * 7);
        });
    }

    private byte[] MxEdgeStats(StreamChannel channel, long sequence)
    {
        var owner = channel.OrgId ?? channel.SiteId ?? string.Empty;
        var seed = Hash(owner) + sequence;
        return Write(w =>
        {
            w.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-2000-{Hash(owner) % 0xFFFFFFFFFFFF:x12}"));
            w.WriteString("name", "mxedge-1");
            w.WriteString("model", "ME-X1");
            w.WriteString("status", "connected");
            if (channel.OrgId is not null)
            {
                w.WriteString("org_id", channel.OrgId);
            }
            else
            {
                w.WriteString("site_id", channel.SiteId);
            }

            w.WriteNumber("uptime", 172_800 + (sequence * 60));
            w.WriteNumber("last_seen", state.Now);
            w.WriteNumber("num_tunnels", (int)(seed % 40));
            w.WriteNumber("cpu_util", (int)(seed % 50) + 3);
        });
    }

    private byte[] Location(StreamChannel channel, long sequence)
    {
        var seed = Hash(channel.Key) + sequence;
        var id = string.Create(CultureInfo.InvariantCulture, $"{Hash(channel.Key) % 0xFFFFFF:x6}{sequence % 16:x6}");
        return Write(w =>
        {
            w.WriteString("map_id", channel.MapId);
            w.WriteString("site_id", channel.SiteId);
            switch (channel.Kind)
            {
                case StreamChannelKind.MapSdkClients:
                    w.WriteString("id", $"00000000-0000-0000-3000-{id}");
                    w.WriteString("name", $"sdk-client-{sequence % 16}");
                    break;
                case StreamChannelKind.MapAssets:
                    w.WriteString("mac", id);
                    w.WriteString("name", $"asset-{sequence % 16}");
                    break;
                default:
                    w.WriteString("mac", id);
                    break;
            }

            w.WriteNumber("x", 10 + ((sequence * 7) % 90));
            w.WriteNumber("y", 5 + ((sequence * 13) % 60));
            if (channel.Kind is StreamChannelKind.MapUnconnectedClients or StreamChannelKind.MapDiscoveredAssets)
            {
                w.WriteNumber("rssi", -50 - (int)(seed % 40));
                w.WriteString("manufacture", Manufacturers[(int)(seed % Manufacturers.Length)]);
            }

            w.WriteNumber("timestamp", state.Now);
        });
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Ip(int first, string key)
    {
        var hash = Hash(key);
        return string.Create(CultureInfo.InvariantCulture, $"{first}.{(hash >> 16) % 256}.{(hash >> 8) % 256}.{1 + (hash % 254)}");
    }

    /// <summary>A stable, non-negative hash (string.GetHashCode changes between processes).</summary>
    private static long Hash(string text)
    {
        var value = 17L;
        foreach (var c in text)
        {
            value = ((value * 31) + c) & 0x7FFF_FFFF_FFFF;
        }

        return value;
    }
}
