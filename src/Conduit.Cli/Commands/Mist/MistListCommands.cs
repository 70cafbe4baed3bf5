using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Http;
using Conduit.Mist.Paging;
using Conduit.Mist.Sessions;
using Spectre.Console;

namespace Conduit.Cli.Commands.Mist;

/// <summary><c>conduit mist orgs</c>, <c>sites</c> and <c>devices</c>: tables for people, <c>--json</c> for scripts.</summary>
internal static class MistListCommands
{
    /// <summary>The device types of the org inventory.</summary>
    public static readonly string[] DeviceTypes = ["ap", "switch", "gateway"];

    public static Command CreateOrgs(MistCommandRunner runner)
    {
        var command = new Command("orgs", "Lists the orgs the credentials reach (org privileges, and the orgs of MSP privileges).");
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            await using var session = await context.StartSessionAsync(useStoredLogin: true, cancellationToken).ConfigureAwait(false);
            var orgs = await new MistPicker(session, TextReader.Null, TextWriter.Null).ListOrgsAsync(cancellationToken).ConfigureAwait(false);
            var self = session.Self ?? await session.GetSelfAsync(cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumns("Name", "Id", "Role");
            var array = new JsonArray();
            foreach (var org in orgs)
            {
                var role = self.Privileges.FirstOrDefault(p => p.Scope == "org" && string.Equals(p.OrgId, org.Id, StringComparison.OrdinalIgnoreCase))?.Role
                    ?? self.Privileges.FirstOrDefault(p => p.Scope == "msp")?.Role;
                table.AddRow(Markup.Escape(org.Name), Markup.Escape(org.Id), Markup.Escape(role ?? "-"));
                array.Add((JsonNode)new JsonObject { ["id"] = org.Id, ["name"] = org.Name, ["role"] = role });
            }

            context.Io.Write(new JsonObject { ["count"] = orgs.Count, ["orgs"] = array }, table);
            return CliExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateSites(MistCommandRunner runner)
    {
        var org = OrgOption();
        var command = new Command("sites", "Lists the sites of an org.") { org };
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            await using var session = await context.StartSessionAsync(useStoredLogin: true, cancellationToken).ConfigureAwait(false);
            var chosen = await MistOrgSelection.OrgAsync(context, session, context.Result.GetValue(org), cancellationToken).ConfigureAwait(false);
            var request = ApiRequest.Get("/api/v1/orgs/{0}/sites", chosen.Id).WithQuery("limit", 1000);
            var sites = await session.Client.PageAsync(request, cancellationToken).GetAllAsync(cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumns("Name", "Id", "Country", "Timezone", "Address");
            var array = new JsonArray();
            foreach (var site in sites.OrderBy(s => LenientJson.String(s, "name"), StringComparer.OrdinalIgnoreCase))
            {
                var (id, name, country, timezone, address) = (LenientJson.String(site, "id"), LenientJson.String(site, "name"),
                    LenientJson.String(site, "country_code"), LenientJson.String(site, "timezone"), LenientJson.String(site, "address"));
                table.AddRow(Markup.Escape(name ?? "-"), Markup.Escape(id ?? "-"), Markup.Escape(country ?? "-"), Markup.Escape(timezone ?? "-"), Markup.Escape(address ?? "-"));
                array.Add((JsonNode)new JsonObject { ["id"] = id, ["name"] = name, ["country_code"] = country, ["timezone"] = timezone, ["address"] = address });
            }

            context.Io.Write(new JsonObject { ["org_id"] = chosen.Id, ["org_name"] = chosen.Name, ["count"] = array.Count, ["sites"] = array }, table);
            return CliExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateDevices(MistCommandRunner runner)
    {
        var org = OrgOption();
        var site = new Option<string?>("--site") { Description = "Only the devices of this site (id or name)." };
        var type = new Option<string?>("--type") { Description = "Only this device type: ap, switch or gateway (default: all three)." };
        type.AcceptOnlyFromAmong(DeviceTypes);
        var limit = new Option<int>("--page-size") { Description = "Devices per page (1 to 1000).", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--page-size must be between 1 and 1000.");
            }
        });
        var command = new Command("devices", "Lists the devices of an org's inventory, every page (fetched concurrently once the total is known), with a progress bar on a terminal.")
        {
            org, site, type, limit,
        };
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            await using var session = await context.StartSessionAsync(useStoredLogin: true, cancellationToken).ConfigureAwait(false);
            var chosen = await MistOrgSelection.OrgAsync(context, session, context.Result.GetValue(org), cancellationToken).ConfigureAwait(false);
            var siteChoice = context.Result.GetValue(site) is { } siteText
                ? await MistOrgSelection.SiteAsync(session, chosen.Id, siteText, cancellationToken).ConfigureAwait(false)
                : null;
            var types = context.Result.GetValue(type) is { } one ? [one] : DeviceTypes;
            var pageables = types.Select(t =>
            {
                var request = ApiRequest.Get("/api/v1/orgs/{0}/inventory", chosen.Id).WithQuery("type", t).WithQuery("limit", context.Result.GetValue(limit));
                if (siteChoice is not null)
                {
                    request.WithQuery("site_id", siteChoice.Id);
                }

                return (Type: t, Pages: session.Client.PageAsync(request, cancellationToken));
            }).ToList();

            var devices = CliConsole.CanShowLiveDisplay(context.Io.Console) && !context.Io.IsJson
                ? await FetchWithProgressAsync(context.Io.Console, pageables, cancellationToken).ConfigureAwait(false)
                : await FetchAsync(pageables, cancellationToken).ConfigureAwait(false);
            var siteNames = context.Io.IsJson ? [] : await SiteNamesAsync(session, chosen.Id, cancellationToken).ConfigureAwait(false);
            WriteDevices(context, chosen, siteChoice, devices, siteNames);
            return CliExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> OrgOption() => new("--org") { Description = "The org (id or name); default MIST_ORG_ID, else the only org the account reaches, else a choice at the terminal." };

    private static async Task<List<JsonElement>> FetchAsync(List<(string Type, MistAsyncPageable<JsonElement> Pages)> pageables, CancellationToken cancellationToken)
    {
        var devices = new List<JsonElement>();
        foreach (var (_, pages) in pageables)
        {
            devices.AddRange(await pages.GetAllAsync(cancellationToken).ConfigureAwait(false));
        }

        return devices;
    }

    private static async Task<List<JsonElement>> FetchWithProgressAsync(IAnsiConsole console, List<(string Type, MistAsyncPageable<JsonElement> Pages)> pageables, CancellationToken cancellationToken)
    {
        var devices = new List<JsonElement>();
        await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var tasks = pageables.Select(p => progress.AddTask($"Fetching {p.Type} devices", autoStart: false)).ToList();
            for (var i = 0; i < pageables.Count; i++)
            {
                var task = tasks[i];
                task.StartTask();
                await foreach (var page in pageables[i].Pages.AsPages(cancellationToken).ConfigureAwait(false))
                {
                    if (page.Total is { } total && page.Limit is { } size && size > 0)
                    {
                        task.MaxValue = Math.Max(1, Math.Ceiling((double)total / size));
                    }

                    devices.AddRange(page.Items);
                    task.Increment(1);
                }

                task.Value = task.MaxValue;
                task.StopTask();
            }
        }).ConfigureAwait(false);
        return devices;
    }

    private static async Task<Dictionary<string, string>> SiteNamesAsync(MistSession session, string orgId, CancellationToken cancellationToken)
    {
        var sites = await new MistPicker(session, TextReader.Null, TextWriter.Null).ListSitesAsync(orgId, cancellationToken).ConfigureAwait(false);
        return sites.GroupBy(s => s.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
    }

    private static void WriteDevices(MistCommandContext context, MistChoice org, MistChoice? site, List<JsonElement> devices, Dictionary<string, string> siteNames)
    {
        var table = new Table().AddColumns("Name", "Type", "Model", "MAC", "Serial", "Site", "Connected");
        var array = new JsonArray();
        foreach (var device in devices)
        {
            var (siteId, connected) = (LenientJson.String(device, "site_id"), LenientJson.Boolean(device, "connected"));
            var (id, name, type, model, mac, serial) = (LenientJson.String(device, "id"), LenientJson.String(device, "name"), LenientJson.String(device, "type"),
                LenientJson.String(device, "model"), LenientJson.String(device, "mac"), LenientJson.String(device, "serial"));
            array.Add((JsonNode)new JsonObject
            {
                ["id"] = id, ["name"] = name, ["type"] = type, ["model"] = model, ["mac"] = mac, ["serial"] = serial, ["site_id"] = siteId, ["connected"] = connected,
            });
            var siteText = siteId is null ? "(unassigned)" : siteNames.GetValueOrDefault(siteId) ?? siteId;
            table.AddRow(Markup.Escape(name ?? "-"), Markup.Escape(type ?? "-"), Markup.Escape(model ?? "-"), Markup.Escape(mac ?? "-"), Markup.Escape(serial ?? "-"),
                Markup.Escape(siteText), connected switch { true => "yes", false => "no", null => "-" });
        }

        if (context.Io.IsJson)
        {
            context.Io.WriteJson(new JsonObject { ["org_id"] = org.Id, ["site_id"] = site?.Id, ["count"] = array.Count, ["devices"] = array });
            return;
        }

        context.Io.Console.Write(table);
        context.Io.Console.MarkupLineInterpolated($"{devices.Count.ToString(CultureInfo.InvariantCulture)} devices in {org.Name}{(site is null ? string.Empty : $", site {site.Name}")}.");
    }
}
