using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Reads the demo organisation and lists its sites in a table.</summary>
internal sealed class OrgsAndSitesStep : IDemoStep
{
    public string Name => "sites";

    public string Title => "List the organisation and its sites";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        using var client = await environment.CreateMistClientAsync(null, cancellationToken).ConfigureAwait(false);
        var org = await client.SendAsync(Conduit.Http.ApiRequest.Get("orgs/{0}", sandbox.Seed.OrgId), cancellationToken).ConfigureAwait(false);
        using var orgJson = org.ReadJsonDocument();
        environment.Console.MarkupLineInterpolated($"Organisation [bold]{orgJson.RootElement.GetProperty("name").GetString()}[/] ({sandbox.Seed.OrgId}).");
        var sites = await client.SendAsync(Conduit.Http.ApiRequest.Get("orgs/{0}/sites", sandbox.Seed.OrgId).WithQuery("limit", 100), cancellationToken).ConfigureAwait(false);
        using var sitesJson = sites.ReadJsonDocument();
        var table = new Table().AddColumns("Site", "Id", "Country", "Timezone");
        foreach (var site in sitesJson.RootElement.EnumerateArray())
        {
            table.AddRow(
                Markup.Escape(site.GetProperty("name").GetString() ?? "?"),
                Markup.Escape(site.GetProperty("id").GetString() ?? "?"),
                Markup.Escape(site.TryGetProperty("country_code", out var c) ? c.GetString() ?? "-" : "-"),
                Markup.Escape(site.TryGetProperty("timezone", out var t) ? t.GetString() ?? "-" : "-"));
        }

        environment.Console.Write(table);
        if (table.Rows.Count != sandbox.Seed.SiteIds.Count)
        {
            throw new InvalidOperationException($"Expected {sandbox.Seed.SiteIds.Count} sites, listed {table.Rows.Count}.");
        }
    }
}
