using System.Text.Json.Nodes;
using Conduit.Sandbox.Schemas;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Table;

/// <summary>
/// The route-and-schema table generated from the Mist OpenAPI document (see
/// <c>tools/Conduit.Mist.Codegen</c>), loaded once per process from the embedded resource.
/// </summary>
internal sealed class ApiTable
{
    /// <summary>The manifest name of the embedded table.</summary>
    public const string ResourceName = "Conduit.Sandbox.MistSandboxTable.json";

    /// <summary>The table format this code reads.</summary>
    public const int SupportedFormat = 1;

    private static readonly Lazy<ApiTable> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private ApiTable(string title, string version, TableOperation[] operations, SchemaNode[] schemas)
    {
        Title = title;
        Version = version;
        Operations = operations;
        Schemas = schemas;
        ById = operations.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    /// <summary>The table shipped in this assembly.</summary>
    public static ApiTable Default => Embedded.Value;

    public string Title { get; }

    public string Version { get; }

    public TableOperation[] Operations { get; }

    public SchemaNode[] Schemas { get; }

    public Dictionary<string, TableOperation> ById { get; }

    /// <summary>Reads a table from <paramref name="stream"/>.</summary>
    public static ApiTable Load(Stream stream)
    {
        var root = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException("The sandbox table is empty.");
        JsonBytes.Materialize(root);
        var format = (int?)root["format"];
        if (format != SupportedFormat)
        {
            throw new InvalidDataException($"The sandbox table has format {format}; this build reads format {SupportedFormat}. Regenerate it.");
        }

        var schemas = LoadSchemas(root["schemas"]!.AsArray());
        var responses = root["responses"]!.AsArray().Select(r => LoadResponse(r!.AsObject(), schemas)).ToArray();
        var operations = root["operations"]!.AsArray().Select(o => LoadOperation(o!.AsObject(), schemas, responses)).ToArray();
        return new ApiTable((string?)root["title"] ?? string.Empty, (string?)root["version"] ?? string.Empty, operations, schemas);
    }

    private static ApiTable LoadEmbedded()
    {
        using var stream = typeof(ApiTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return Load(stream);
    }

    private static TableOperation LoadOperation(JsonObject node, SchemaNode[] schemas, TableResponse[] responses)
    {
        var parameters = (node["params"]?.AsArray() ?? [])
            .Select(p => new TableParameter(
                (string)p!["name"]!,
                (string)p["in"]!,
                (bool?)p["required"] ?? false,
                SchemaAt(schemas, p["schema"]),
                (bool?)p["explode"] ?? false))
            .ToArray();
        TableBody? body = null;
        if (node["body"] is JsonObject bodyNode)
        {
            body = new TableBody(
                (bool?)bodyNode["required"] ?? false,
                [.. bodyNode["content"]!.AsArray().Select(c => (string)c!)],
                SchemaAt(schemas, bodyNode["schema"]));
        }

        return new TableOperation(
            (string)node["id"]!,
            (string)node["method"]!,
            (string)node["path"]!,
            (string?)node["tag"],
            (bool?)node["anonymous"] ?? false,
            parameters,
            body,
            [.. node["responses"]!.AsArray().Select(r => responses[(int)r!])]);
    }

    private static TableResponse LoadResponse(JsonObject node, SchemaNode[] schemas)
        => new(
            (string)node["status"]!,
            [.. (node["content"]?.AsArray() ?? []).Select(c => (string)c!)],
            SchemaAt(schemas, node["schema"]),
            node["example"]);

    private static SchemaNode? SchemaAt(SchemaNode[] schemas, JsonNode? index)
        => index is null ? null : schemas[(int)index];

    private static SchemaNode[] LoadSchemas(JsonArray nodes)
    {
        var raw = nodes.Select(n => n!.AsObject()).ToArray();
        var compiled = new SchemaNode[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            compiled[i] = new SchemaNode { Index = i };
        }

        // Aliases ("ref") point at their final target so the engine never sees them.
        var resolved = new SchemaNode[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var target = i;
            for (var hops = 0; raw[target]["ref"] is { } next && hops < raw.Length; hops++)
            {
                target = (int)next;
            }

            resolved[i] = compiled[target];
        }

        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i]["ref"] is null)
            {
                Fill(compiled[i], raw[i], resolved);
            }
        }

        return resolved;
    }

    private static void Fill(SchemaNode schema, JsonObject node, SchemaNode[] all)
    {
        schema.Name = (string?)node["name"];
        schema.Types = ParseTypes(node["type"]?.AsArray());
        schema.Format = (string?)node["format"];
        schema.Pattern = (string?)node["pattern"];
        schema.Enum = node["enum"]?.AsArray().ToArray();
        schema.Const = node["const"];
        schema.Minimum = (double?)node["minimum"];
        schema.Maximum = (double?)node["maximum"];
        schema.ExclusiveMinimum = (double?)node["exclusiveMinimum"];
        schema.ExclusiveMaximum = (double?)node["exclusiveMaximum"];
        schema.MinLength = (int?)node["minLength"];
        schema.MaxLength = (int?)node["maxLength"];
        schema.MinItems = (int?)node["minItems"];
        schema.MaxItems = (int?)node["maxItems"];
        schema.UniqueItems = (bool?)node["uniqueItems"] ?? false;
        if (node["props"] is JsonObject props)
        {
            schema.Properties = [.. props.Select(p => new KeyValuePair<string, SchemaNode>(p.Key, all[(int)p.Value!]))];
            schema.PropertyMap = schema.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        schema.Required = node["required"]?.AsArray().Select(r => (string)r!).ToArray();
        if (node["additional"] is JsonValue additional)
        {
            if (additional.TryGetValue<bool>(out var allowed))
            {
                schema.AdditionalForbidden = !allowed;
            }
            else
            {
                schema.Additional = all[(int)additional];
            }
        }

        schema.Items = node["items"] is { } items ? all[(int)items] : null;
        schema.OneOf = Nodes(node["oneOf"], all);
        schema.AnyOf = Nodes(node["anyOf"], all);
        schema.AllOf = Nodes(node["allOf"], all);
        schema.Not = node["not"] is { } not ? all[(int)not] : null;
        schema.Example = node["example"];
        schema.Default = node["default"];
        schema.ReadOnly = (bool?)node["readOnly"] ?? false;
    }

    private static SchemaNode[]? Nodes(JsonNode? indexes, SchemaNode[] all)
        => indexes?.AsArray().Select(i => all[(int)i!]).ToArray();

    private static JsonKinds ParseTypes(JsonArray? types)
    {
        var kinds = JsonKinds.Any;
        foreach (var type in types ?? [])
        {
            kinds |= (string?)type switch
            {
                "object" => JsonKinds.Object,
                "array" => JsonKinds.Array,
                "string" => JsonKinds.String,
                "integer" => JsonKinds.Integer,
                "number" => JsonKinds.Number,
                "boolean" => JsonKinds.Boolean,
                "null" => JsonKinds.Null,
                _ => JsonKinds.Any,
            };
        }

        return kinds;
    }
}
