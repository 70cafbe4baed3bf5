using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Conduit.Sandbox;

namespace Conduit.Chaos.Tests.Mixed;

/// <summary>
/// Reads the sandbox's state after a run with a plain <see cref="HttpClient"/> (faults cleared): how
/// many sites and WLANs carry each name the workload made.
/// </summary>
internal static class ServerView
{
    public static async Task<Dictionary<string, List<string>>> SiteIdsByNameAsync(MistSandbox sandbox, string token, CancellationToken cancellationToken)
    {
        using var http = Client(sandbox, token);
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var items = await GetArrayAsync(http, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites?limit=1000&page={page}", cancellationToken);
            Add(byName, items, "name");
            if (items.Count < 1000)
            {
                return byName;
            }
        }
    }

    public static async Task<Dictionary<string, List<string>>> WlanIdsBySsidAsync(MistSandbox sandbox, string token, CancellationToken cancellationToken)
    {
        using var http = Client(sandbox, token);
        var bySsid = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var siteId in sandbox.Seed.SiteIds)
        {
            for (var page = 1; ; page++)
            {
                var items = await GetArrayAsync(http, $"/api/v1/sites/{siteId}/wlans?limit=1000&page={page}", cancellationToken);
                Add(bySsid, items, "ssid");
                if (items.Count < 1000)
                {
                    break;
                }
            }
        }

        return bySsid;
    }

    private static HttpClient Client(MistSandbox sandbox, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return http;
    }

    private static async Task<JsonArray> GetArrayAsync(HttpClient http, string path, CancellationToken cancellationToken)
        => JsonNode.Parse(await http.GetStringAsync(path, cancellationToken))!.AsArray();

    private static void Add(Dictionary<string, List<string>> index, JsonArray items, string property)
    {
        foreach (var item in items)
        {
            if ((string?)item?[property] is { } name && (string?)item["id"] is { } id)
            {
                if (!index.TryGetValue(name, out var ids))
                {
                    index[name] = ids = [];
                }

                ids.Add(id);
            }
        }
    }
}
