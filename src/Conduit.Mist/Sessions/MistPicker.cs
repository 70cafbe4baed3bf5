using System.Globalization;
using System.Net;
using System.Text.Json;
using Conduit.Http;
using Conduit.Mist.Clouds;
using Conduit.Mist.Paging;

namespace Conduit.Mist.Sessions;

/// <summary>
/// Picks an org or a site (seed 2's <c>cli.select_org</c> / <c>select_site</c>): by name, or interactively from a
/// numbered list written to <c>output</c> and answered on <c>input</c> (a console, or a test's reader and writer).
/// </summary>
/// <example>
/// <code>
/// var picker = new MistPicker(session, Console.In, Console.Out);
/// var org = (await picker.PickOrgsAsync())[0];
/// var site = await picker.FindSiteAsync(org.Id, "Headquarters");
/// </code>
/// </example>
public sealed class MistPicker
{
    private readonly MistSession session;
    private readonly TextReader input;
    private readonly TextWriter output;

    /// <summary>Creates a picker.</summary>
    /// <param name="session">The session the orgs and sites are read with.</param>
    /// <param name="input">Where answers are read (<see cref="Console.In"/>).</param>
    /// <param name="output">Where lists and questions are written (<see cref="Console.Out"/>).</param>
    public MistPicker(MistSession session, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        this.session = session;
        this.input = input;
        this.output = output;
    }

    /// <summary>Asks for a cloud from <see cref="MistCloud.All"/>; null when the person quits.</summary>
    public static MistCloud? PickCloud(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var clouds = MistCloud.All.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        output.WriteLine("Mist Cloud Selection:");
        var picked = Complete(AskAsync(input, output, clouds.Select(c => $"{c.Name} (host: {c.Host})").ToArray(), "a Cloud", allowMany: false, async: false, CancellationToken.None));
        return picked.Count == 0 ? null : clouds[picked[0]];
    }

    /// <summary>The orgs the session reaches: org privileges, and the orgs of MSP privileges.</summary>
    public async Task<IReadOnlyList<MistChoice>> ListOrgsAsync(CancellationToken cancellationToken = default) =>
        await OrgsAsync(async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>The sites of an org the session can see (all of them, or those of its site privileges).</summary>
    public async Task<IReadOnlyList<MistChoice>> ListSitesAsync(string orgId, CancellationToken cancellationToken = default) =>
        await SitesAsync(orgId, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Lists the orgs and asks for one (or several); empty when the person quits.</summary>
    public async Task<IReadOnlyList<MistChoice>> PickOrgsAsync(bool allowMany = false, CancellationToken cancellationToken = default)
    {
        var orgs = await OrgsAsync(async: true, cancellationToken).ConfigureAwait(false);
        output.WriteLine("Available organizations:");
        return Select(orgs, await AskAsync(input, output, orgs.Select(o => o.ToString()).ToArray(), allowMany ? "Orgs" : "an Org", allowMany, async: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Lists the sites of an org and asks for one (or several); empty when the person quits.</summary>
    public async Task<IReadOnlyList<MistChoice>> PickSitesAsync(string orgId, bool allowMany = false, CancellationToken cancellationToken = default)
    {
        var sites = await SitesAsync(orgId, async: true, cancellationToken).ConfigureAwait(false);
        output.WriteLine("Available sites:");
        return Select(sites, await AskAsync(input, output, sites.Select(s => s.ToString()).ToArray(), allowMany ? "Sites" : "a Site", allowMany, async: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The org whose name (case-insensitive) or id is <paramref name="nameOrId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No org, or several, have that name; the message lists the names.</exception>
    public async Task<MistChoice> FindOrgAsync(string nameOrId, CancellationToken cancellationToken = default) =>
        Find(await OrgsAsync(async: true, cancellationToken).ConfigureAwait(false), nameOrId, "org");

    /// <summary>The site of <paramref name="orgId"/> whose name (case-insensitive) or id is <paramref name="nameOrId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No site, or several, have that name.</exception>
    public async Task<MistChoice> FindSiteAsync(string orgId, string nameOrId, CancellationToken cancellationToken = default) =>
        Find(await SitesAsync(orgId, async: true, cancellationToken).ConfigureAwait(false), nameOrId, "site");

    private async ValueTask<IReadOnlyList<MistChoice>> OrgsAsync(bool async, CancellationToken cancellationToken)
    {
        var self = session.Self ?? (async ? await session.GetSelfAsync(cancellationToken).ConfigureAwait(false) : session.GetSelf(cancellationToken));
        var orgs = self.Privileges.Where(p => p.Scope == "org" && p.OrgId is not null)
            .Select(p => new MistChoice(p.OrgId!, p.OrgName ?? p.Name ?? p.OrgId!))
            .ToList();
        foreach (var msp in self.Privileges.Where(p => p.Scope == "msp" && p.MspId is not null).Select(p => p.MspId!).Distinct())
        {
            var request = ApiRequest.Get("/api/v1/msps/{0}/orgs", msp);
            orgs.AddRange(await ChoicesAsync(request, async, cancellationToken).ConfigureAwait(false));
        }

        return [.. orgs.DistinctBy(o => o.Id).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private async ValueTask<IReadOnlyList<MistChoice>> SitesAsync(string orgId, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        try
        {
            var request = ApiRequest.Get("/api/v1/orgs/{0}/sites", orgId).WithQuery("limit", 1000);
            return [.. (await ChoicesAsync(request, async, cancellationToken).ConfigureAwait(false)).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
        }
        catch (ApiException ex) when (ex.StatusCode is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound)
        {
            // A site-scoped user cannot list the org's sites: offer the sites of its privileges.
            var self = session.Self ?? session.GetSelf(cancellationToken);
            return [.. self.Privileges.Where(p => p.Scope == "site" && p.SiteId is not null && string.Equals(p.OrgId, orgId, StringComparison.OrdinalIgnoreCase))
                .Select(p => new MistChoice(p.SiteId!, p.Name ?? p.SiteId!)).DistinctBy(s => s.Id)];
        }
    }

    private async ValueTask<IReadOnlyList<MistChoice>> ChoicesAsync(ApiRequest request, bool async, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonElement> items = async
            ? await session.Client.PageAsync(request, cancellationToken).GetAllAsync(cancellationToken).ConfigureAwait(false)
            : session.Client.Page(request, cancellationToken).GetAll();
        return [.. items.Select(i => new MistChoice(LenientJson.String(i, "id") ?? string.Empty, LenientJson.String(i, "name") ?? string.Empty)).Where(c => c.Id.Length > 0)];
    }

    private static MistChoice Find(IReadOnlyList<MistChoice> choices, string nameOrId, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        var matches = choices.Where(c => string.Equals(c.Id, nameOrId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = [.. choices.Where(c => string.Equals(c.Name, nameOrId.Trim(), StringComparison.OrdinalIgnoreCase))];
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"No {kind} is named '{nameOrId}'. Known: {string.Join(", ", choices.Select(c => c.Name))}."),
            _ => throw new KeyNotFoundException($"{matches.Count} {kind}s are named '{nameOrId}'; use the id: {string.Join(", ", matches.Select(m => m.Id))}."),
        };
    }

    private static IReadOnlyList<MistChoice> Select(IReadOnlyList<MistChoice> choices, IReadOnlyList<int> picked) => [.. picked.Select(i => choices[i])];

    private static async ValueTask<IReadOnlyList<int>> AskAsync(TextReader input, TextWriter output, string[] lines, string what, bool allowMany, bool async, CancellationToken cancellationToken)
    {
        if (lines.Length == 0)
        {
            output.WriteLine("(none)");
            return [];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            output.WriteLine($"{i}) {lines[i]}");
        }

        while (true)
        {
            output.Write(allowMany
                ? $"Select {what} (0 to {lines.Length - 1}, several as 0,2 or 1-3, or q to exit): "
                : $"Select {what} (0 to {lines.Length - 1}, or q to exit): ");
            output.Flush();
            var answer = async ? await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) : input.ReadLine();
            if (answer is null || answer.Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                output.WriteLine();
                return [];
            }

            if (Parse(answer, lines.Length, allowMany) is { } picked)
            {
                return picked;
            }

            output.WriteLine($"Invalid input: enter {(allowMany ? "numbers" : "a number")} between 0 and {lines.Length - 1}.");
        }
    }

    private static List<int>? Parse(string answer, int count, bool allowMany)
    {
        var picked = new List<int>();
        foreach (var part in answer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', 2, StringSplitOptions.TrimEntries);
            if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(range.Length == 2 ? range[1] : range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                || from > to || to >= count)
            {
                return null;
            }

            picked.AddRange(Enumerable.Range(from, to - from + 1));
        }

        return picked.Count == 0 || (!allowMany && picked.Count > 1) ? null : [.. picked.Distinct()];
    }

    private static T Complete<T>(ValueTask<T> pending) => pending.IsCompleted ? pending.GetAwaiter().GetResult() : pending.AsTask().GetAwaiter().GetResult();
}
