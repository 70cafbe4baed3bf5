using System.Text.Json.Nodes;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.TestSupport;

/// <summary>
/// The sandbox's route-and-schema table, read from the resource embedded in Conduit.Sandbox (so the
/// contract test runs without the OpenAPI document): operations with their parameters, bodies and
/// documented statuses, and the schema nodes they point at.
/// </summary>
internal sealed class SandboxTable
{
    private const string ResourceName = "Conduit.Sandbox.MistSandboxTable.json";

    private SandboxTable(JsonObject root)
    {
        Schemas = root["schemas"]!.AsArray();
        var responses = root["responses"]!.AsArray();
        Operations = [.. root["operations"]!.AsArray().Select(o => TableOperation.From(o!.AsObject(), responses))];
    }

    public static SandboxTable Default { get; } = Load();

    public IReadOnlyList<TableOperation> Operations { get; }

    public JsonArray Schemas { get; }

    private static SandboxTable Load()
    {
        using var stream = typeof(MistSandbox).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Conduit.Sandbox.");
        return new SandboxTable(JsonNode.Parse(stream)!.AsObject());
    }
}

/// <summary>One operation of the table.</summary>
internal sealed record TableOperation(string Id, string Method, string Path, IReadOnlyList<TableParameter> Parameters, TableBody? Body, IReadOnlyList<string> Statuses)
{
    public static TableOperation From(JsonObject node, JsonArray responses)
    {
        var parameters = (node["params"]?.AsArray() ?? []).Select(p => new TableParameter(
            (string)p!["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, (int?)p["schema"] ?? -1)).ToList();
        TableBody? body = node["body"] is JsonObject b
            ? new TableBody((bool?)b["required"] ?? false, [.. b["content"]!.AsArray().Select(c => (string)c!)], (int?)b["schema"] ?? -1)
            : null;
        var statuses = node["responses"]!.AsArray().Select(i => (string)responses[(int)i!]!["status"]!).ToList();
        return new TableOperation((string)node["id"]!, (string)node["method"]!, (string)node["path"]!, parameters, body, statuses);
    }

    public bool Documents(int status)
        => Statuses.Any(s => s == status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || s.Equals($"{status / 100}XX", StringComparison.OrdinalIgnoreCase)
            || s == "default");

    public override string ToString() => $"{Id} ({Method} {Path})";
}

/// <summary>A path, query or header parameter of the table.</summary>
internal sealed record TableParameter(string Name, string In, bool Required, int Schema);

/// <summary>A request body of the table.</summary>
internal sealed record TableBody(bool Required, IReadOnlyList<string> ContentTypes, int Schema);
