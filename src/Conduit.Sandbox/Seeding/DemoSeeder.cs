using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.State;
using OtpNet;

namespace Conduit.Sandbox.Seeding;

/// <summary>
/// Fills a <see cref="MistState"/> with the deterministic demo org: an MSP, one org with sites,
/// devices (some unassigned, so only in inventory), WLANs, alarms and device events, and three users.
/// </summary>
internal static class DemoSeeder
{
    private static readonly string[] SiteNames = ["Headquarters", "Warehouse", "Branch Paris", "Branch Tokyo", "Lab", "Store Berlin", "Store Austin", "Campus East"];
    private static readonly (string Country, string Timezone, double Lat, double Lng, string Address)[] Places =
    [
        ("US", "America/Los_Angeles", 37.2954, -121.9306, "1601 S De Anza Blvd, Cupertino, CA"),
        ("US", "America/Chicago", 41.8781, -87.6298, "233 S Wacker Dr, Chicago, IL"),
        ("FR", "Europe/Paris", 48.8566, 2.3522, "5 Avenue Anatole France, Paris"),
        ("JP", "Asia/Tokyo", 35.6762, 139.6503, "1-1 Marunouchi, Chiyoda, Tokyo"),
        ("GB", "Europe/London", 51.5072, -0.1276, "1 Canada Square, London"),
        ("DE", "Europe/Berlin", 52.52, 13.405, "Alexanderplatz 1, Berlin"),
    ];

    private static readonly (string Type, string Model)[] Models =
    [
        ("ap", "AP43"), ("ap", "AP45"), ("ap", "AP34"), ("ap", "AP24"), ("ap", "AP43"), ("ap", "AP45"), ("ap", "AP34"), ("ap", "AP43"),
        ("ap", "AP45"), ("ap", "AP34"), ("ap", "AP43"), ("ap", "AP24"), ("switch", "EX4100-48P"), ("switch", "EX2300-24P"), ("gateway", "SRX320"),
    ];

    private static readonly string[] AlarmTypes = ["device_down", "switch_down", "gateway_down", "ap_bssid_warning", "vpn_peer_down"];
    private static readonly string[] Severities = ["critical", "warn", "info"];
    private static readonly string[] EventTypes = ["AP_CONFIGURED", "AP_RESTARTED", "AP_CONNECTED", "AP_DISCONNECTED", "SW_CONFIGURED", "GW_CONFIGURED"];

    public static MistSandboxSeedData Seed(MistState state, MistSandboxOptions options)
    {
        var ids = state.Ids;
        var now = state.Now;
        var created = now - 86_400 * 30;
        state.MspId = ids.NewId();
        state.MspName = "Conduit Demo MSP";
        var org = state.Orgs.Add(new JsonObject
        {
            ["id"] = ids.NewId(),
            ["name"] = "Conduit Demo Org",
            ["msp_id"] = state.MspId,
            ["allow_mist"] = true,
            ["session_expiry"] = 1440,
            ["orggroup_ids"] = new JsonArray(),
            ["created_time"] = created,
            ["modified_time"] = created,
        });

        var sites = new List<Entity>();
        for (var i = 0; i < options.SiteCount; i++)
        {
            var place = Places[i % Places.Length];
            var name = i < SiteNames.Length ? SiteNames[i] : $"Site {i + 1}";
            sites.Add(state.Sites.Add(new JsonObject
            {
                ["id"] = ids.NewId(),
                ["org_id"] = org.Id,
                ["name"] = name,
                ["timezone"] = place.Timezone,
                ["country_code"] = place.Country,
                ["address"] = place.Address,
                ["latlng"] = new JsonObject { ["lat"] = place.Lat, ["lng"] = place.Lng },
                ["notes"] = string.Empty,
                ["sitegroup_ids"] = new JsonArray(),
                ["created_time"] = created,
                ["modified_time"] = created,
            }));
        }

        SeedDevices(state, options.DeviceCount, org.Id, sites, created);
        SeedWlans(state, org.Id, sites, created);
        SeedAlarmsAndEvents(state, org.Id, sites, now);
        var users = SeedUsers(state, org, sites[0]);
        var tokens = options.Tokens.Count > 0 ? options.Tokens.ToArray() : [ids.NewHex(40)];
        return new MistSandboxSeedData(tokens, state.MspId, org.Id, [.. sites.Select(s => s.Id)], users, options.DeviceCount);
    }

    private static void SeedDevices(MistState state, int count, string orgId, List<Entity> sites, long created)
    {
        for (var i = 0; i < count; i++)
        {
            var (type, model) = Models[i % Models.Length];
            var mac = string.Create(CultureInfo.InvariantCulture, $"5c5b35{i + 1:x6}");
            var unassigned = i % 10 == 9;
            var site = sites[i % sites.Count];
            var device = new JsonObject
            {
                ["id"] = $"00000000-0000-0000-1000-{mac}",
                ["org_id"] = orgId,
                ["site_id"] = unassigned ? null : site.Id,
                ["type"] = type,
                ["model"] = model,
                ["mac"] = mac,
                ["serial"] = string.Create(CultureInfo.InvariantCulture, $"A{1000000 + (i * 7919 % 8999999):D7}"),
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"{Slug(site.Text("name"))}-{type}-{i + 1:D3}"),
                ["notes"] = string.Empty,
                ["created_time"] = created,
                ["modified_time"] = created,
            };
            state.Devices.Add(device);
        }
    }

    private static void SeedWlans(MistState state, string orgId, List<Entity> sites, long created)
    {
        foreach (var ssid in new[] { "Conduit-Corp", "Conduit-Guest" })
        {
            state.OrgWlans.Add(new JsonObject
            {
                ["id"] = state.Ids.NewId(),
                ["org_id"] = orgId,
                ["ssid"] = ssid,
                ["enabled"] = true,
                ["for_site"] = false,
                ["bands"] = new JsonArray("24", "5"),
                ["vlan_enabled"] = false,
                ["created_time"] = created,
                ["modified_time"] = created,
            });
        }

        foreach (var site in sites)
        {
            state.SiteWlans.Add(new JsonObject
            {
                ["id"] = state.Ids.NewId(),
                ["org_id"] = orgId,
                ["site_id"] = site.Id,
                ["ssid"] = $"IoT-{Slug(site.Text("name"))}",
                ["enabled"] = true,
                ["for_site"] = true,
                ["bands"] = new JsonArray("24"),
                ["vlan_enabled"] = false,
                ["created_time"] = created,
                ["modified_time"] = created,
            });
        }
    }

    private static void SeedAlarmsAndEvents(MistState state, string orgId, List<Entity> sites, long now)
    {
        var devices = state.Devices.Where(d => d.SiteId is not null);
        for (var i = 0; i < 240; i++)
        {
            var site = sites[i % sites.Count];
            var timestamp = now - 600 - (i * 307L);
            state.Alarms.Add(new JsonObject
            {
                ["id"] = state.Ids.NewId(),
                ["org_id"] = orgId,
                ["site_id"] = site.Id,
                ["type"] = AlarmTypes[i % AlarmTypes.Length],
                ["group"] = "infrastructure",
                ["severity"] = Severities[i % Severities.Length],
                ["count"] = 1 + (i % 4),
                ["acked"] = i % 5 == 0,
                ["timestamp"] = timestamp,
                ["last_seen"] = timestamp + 60,
            });
        }

        for (var i = 0; i < 600 && devices.Count > 0; i++)
        {
            var device = devices[i % devices.Count];
            var type = device.Text("type");
            state.DeviceEvents.Add(new JsonObject
            {
                ["org_id"] = orgId,
                ["site_id"] = device.SiteId,
                ["mac"] = device.Text("mac"),
                ["device_type"] = type,
                ["type"] = type == "ap" ? EventTypes[i % 4] : type == "switch" ? EventTypes[4] : EventTypes[5],
                ["text"] = $"{device.Text("name")} event {i + 1}",
                ["timestamp"] = now - 300 - (i * 131L),
            });
        }
    }

    private static List<MistSandboxUser> SeedUsers(MistState state, Entity org, Entity firstSite)
    {
        var ids = state.Ids;
        var admin = new MistSandboxUser(ids.NewId(), "admin@sandbox.example.com", $"Sandbox-{ids.NewHex(6)}", null, "admin", "MSP and org admin without two-factor; owner of the API tokens.");
        var secret = Base32Encoding.ToString(Convert.FromHexString(ids.NewHex(20)));
        var twoFactor = new MistSandboxUser(ids.NewId(), "2fa@sandbox.example.com", $"Sandbox-{ids.NewHex(6)}", secret, "admin", "Org admin with two-factor (TOTP, RFC 6238).");
        var observer = new MistSandboxUser(ids.NewId(), "observer@sandbox.example.com", $"Sandbox-{ids.NewHex(6)}", null, "read", "Read-only user scoped to the first site.");
        var orgName = org.Text("name") ?? string.Empty;
        state.AddAccount(new SandboxAccount(admin, "Ada", "Admin",
        [
            new Privilege("msp", "admin", state.MspName, state.MspId, null, null),
            new Privilege("org", "admin", orgName, state.MspId, org.Id, null),
        ]));
        state.AddAccount(new SandboxAccount(twoFactor, "Tess", "Factor", [new Privilege("org", "admin", orgName, state.MspId, org.Id, null)]));
        state.AddAccount(new SandboxAccount(observer, "Otto", "Observer", [new Privilege("site", "read", firstSite.Text("name") ?? string.Empty, state.MspId, org.Id, firstSite.Id)]));
        return [admin, twoFactor, observer];
    }

    private static string Slug(string? name) => (name ?? "site").ToLowerInvariant().Replace(' ', '-');
}
