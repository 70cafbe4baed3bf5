using System.Text.Json;
using Conduit.Sandbox;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>Reads the route table the sandbox embeds (the same one it routes by), so requests aim at real routes.</summary>
internal static class SandboxRoutes
{
    private const string ResourceName = "Conduit.Sandbox.MistSandboxTable.json";

    public static IReadOnlyList<SandboxRoute> Load()
    {
        using var stream = typeof(MistSandbox).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sandbox assembly has no resource {ResourceName}.");
        using var document = JsonDocument.Parse(stream);
        var routes = new List<SandboxRoute>();
        foreach (var operation in document.RootElement.GetProperty("operations").EnumerateArray())
        {
            var parameters = operation.TryGetProperty("params", out var list) ? list.EnumerateArray().ToList() : [];
            routes.Add(new SandboxRoute(
                operation.GetProperty("method").GetString()!,
                operation.GetProperty("path").GetString()!,
                [.. parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!)],
                [.. parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)],
                operation.TryGetProperty("body", out _)));
        }

        return routes;
    }
}
