using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Mist.Codegen.Schemas;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>
/// Maps schema-table nodes to C# types. An object component becomes a model class, a string enum
/// component a C# enum, arrays <c>IList&lt;T&gt;</c>, maps <c>IDictionary&lt;string, T&gt;</c>; what does not map
/// cleanly (<c>oneOf</c>/<c>anyOf</c> of different types, free-form objects, mixed types, inline
/// objects) is <c>JsonElement</c>. Only schemas reached from operations get a model or enum.
/// </summary>
internal sealed class SdkTypeMap
{
    /// <summary>Type names the generated code itself uses; a model or enum with one of them gets a <c>Model</c> suffix.</summary>
    private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal)
    {
        "Action", "ApiException", "ApiRequest", "ApiResponse", "Array", "Attribute", "Boolean", "Byte", "CancellationToken",
        "Char", "ConduitClient", "Console", "Convert", "DateTime", "DateTimeOffset", "Decimal", "Default", "Dictionary",
        "Double", "Enum", "Environment", "Exception", "Func", "GC", "Guid", "HttpMethod", "IDictionary", "IEnumerable",
        "IList", "Int32", "Int64", "JsonBody", "JsonConverter", "JsonElement", "JsonExtensionData", "JsonPropertyName",
        "JsonSerializable", "JsonSerializer", "JsonSerializerContext", "JsonStringEnumConverter", "JsonStringEnumMemberName",
        "JsonTypeInfo", "List", "Math", "MistApiClient", "MistAsyncPageable", "MistFile", "MistJsonContext", "MistOperation",
        "MistPageable", "MistPaging", "MistWireFormat", "MultipartBody", "Nullable", "Object", "Obsolete", "Optional",
        "OptionalJsonConverter", "Options", "QueryValue", "Random", "RequestBody", "Single", "Stream", "String", "System",
        "Task", "Type", "Uri", "ValueTask", "Version", "Void",
    };

    private readonly SchemaTable table;
    private readonly Dictionary<int, string> componentNames = [];
    private readonly Dictionary<int, CsType> resolved = [];
    private readonly HashSet<int> resolving = [];
    private readonly Dictionary<string, ModelPlan> models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumPlan> enums = new(StringComparer.Ordinal);
    private readonly Queue<int> pendingModels = new();

    /// <summary>Creates the map and names every component up front, in ordinal order, so names do not depend on reachability.</summary>
    public SdkTypeMap(SchemaTable table)
    {
        this.table = table;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, index) in table.ComponentIndex.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pascal = SdkNames.Pascal(name);
            componentNames[index] = SdkNames.Unique(ReservedTypeNames.Contains(pascal) ? pascal + "Model" : pascal, taken);
        }
    }

    /// <summary>The models reached so far, by class name.</summary>
    public IReadOnlyDictionary<string, ModelPlan> Models => models;

    /// <summary>The enums reached so far, by type name.</summary>
    public IReadOnlyDictionary<string, EnumPlan> Enums => enums;

    /// <summary>The schema node at <paramref name="index"/>, or null for -1.</summary>
    public JsonObject? Node(int index) => index < 0 ? null : table.Nodes[index];

    /// <summary>Follows <c>ref</c> aliases to the node that defines the schema.</summary>
    public int Target(int index)
    {
        for (var hops = 0; index >= 0 && hops < 64; hops++)
        {
            if (table.Nodes[index]["ref"] is JsonValue alias && alias.TryGetValue<int>(out var next))
            {
                index = next;
            }
            else
            {
                return index;
            }
        }

        return index;
    }

    /// <summary>The C# type of the schema at <paramref name="index"/> (-1: <c>JsonElement</c>).</summary>
    public CsType Resolve(int index)
    {
        index = Target(index);
        if (index < 0)
        {
            return CsType.Json;
        }

        if (resolved.TryGetValue(index, out var known))
        {
            return known;
        }

        if (!resolving.Add(index))
        {
            // A schema that reaches itself through arrays or maps only (no model in between).
            return CsType.Json;
        }

        try
        {
            var type = Map(index);
            resolved[index] = type;
            return type;
        }
        finally
        {
            resolving.Remove(index);
        }
    }

    /// <summary>Plans every model reached so far, and the models their properties reach, until none is left.</summary>
    public void Complete()
    {
        while (pendingModels.TryDequeue(out var index))
        {
            var name = componentNames[index];
            var node = table.Nodes[index];
            models[name] = new ModelPlan(name, (string?)node["name"] ?? name, Documentation(node), PlanProperties(index, name));
        }
    }

    /// <summary>Whether the node is an object with properties (its own or through <c>allOf</c>).</summary>
    public bool IsObjectModel(int index)
    {
        var node = Node(Target(index));
        if (node is null)
        {
            return false;
        }

        if (node["props"] is JsonObject)
        {
            return true;
        }

        return node["allOf"] is JsonArray parts && parts.Count > 0
            && parts.All(p => p is JsonValue v && v.TryGetValue<int>(out var part) && IsObjectModel(part));
    }

    /// <summary>The property schemas of an object node in document order, <c>allOf</c> parts first, and the required names.</summary>
    public (List<(string Name, int Schema)> Properties, HashSet<string> Required) ObjectShape(int index)
    {
        var properties = new List<(string Name, int Schema)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(Target(index), properties, required, 0);
        return (properties, required);
    }

    /// <summary>The documentation text of a node: its description, else its title.</summary>
    public static string? Documentation(JsonObject? node)
        => (string?)node?["description"] ?? (string?)node?["title"];

    /// <summary>The JSON type names of a node without <c>null</c>.</summary>
    public static List<string> Types(JsonObject node)
        => node["type"] is JsonArray types
            ? [.. types.Select(t => (string?)t).Where(t => t is not null && t != "null").Select(t => t!)]
            : [];

    private void Collect(int index, List<(string Name, int Schema)> properties, HashSet<string> required, int depth)
    {
        var node = Node(Target(index));
        if (node is null || depth > 16)
        {
            return;
        }

        if (node["allOf"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                if (part is JsonValue value && value.TryGetValue<int>(out var partIndex))
                {
                    Collect(partIndex, properties, required, depth + 1);
                }
            }
        }

        if (node["props"] is JsonObject props)
        {
            foreach (var (name, schema) in props)
            {
                properties.RemoveAll(p => p.Name == name);
                properties.Add((name, schema is JsonValue s && s.TryGetValue<int>(out var i) ? i : -1));
            }
        }

        if (node["required"] is JsonArray names)
        {
            foreach (var name in names)
            {
                if ((string?)name is { } text)
                {
                    required.Add(text);
                }
            }
        }
    }

    private List<PropertyPlan> PlanProperties(int index, string className)
    {
        var (properties, required) = ObjectShape(index);
        var taken = new HashSet<string>(StringComparer.Ordinal) { className, "AdditionalProperties" };
        taken.UnionWith(SdkNames.ObjectMembers);
        var plans = new List<PropertyPlan>();
        foreach (var (wire, schema) in properties)
        {
            var pascal = SdkNames.Pascal(wire);
            var name = SdkNames.Unique(taken.Contains(pascal) ? pascal + "Value" : pascal, taken);
            var node = Node(schema);
            var target = Node(Target(schema));
            plans.Add(new PropertyPlan(
                wire,
                name,
                Resolve(schema),
                Documentation(node) ?? Documentation(target),
                required.Contains(wire),
                node?["readOnly"] is not null,
                node?["deprecated"] is not null));
        }

        return plans;
    }

    private CsType Map(int index)
    {
        var node = table.Nodes[index];
        var isComponent = componentNames.ContainsKey(index);
        if (isComponent && IsObjectModel(index))
        {
            var name = componentNames[index];
            if (!models.ContainsKey(name) && !pendingModels.Contains(index))
            {
                pendingModels.Enqueue(index);
            }

            return new CsType(name, CsTypeKind.Model, false, name);
        }

        var types = Types(node);
        if (node["enum"] is JsonArray values && IsStringEnum(values, types))
        {
            if (!isComponent)
            {
                return CsType.String;
            }

            var name = componentNames[index];
            if (!enums.ContainsKey(name))
            {
                enums[name] = PlanEnum(name, node, values);
            }

            return new CsType(name, CsTypeKind.Enum, true, name);
        }

        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (node[key] is JsonArray branches && branches.Count > 0)
            {
                var branchTypes = branches
                    .Select(b => b is JsonValue v && v.TryGetValue<int>(out var i) ? Resolve(i) : CsType.Json)
                    .Distinct()
                    .ToList();
                return branchTypes.Count == 1 && (key != "allOf" || branches.Count == 1) ? branchTypes[0] : CsType.Json;
            }
        }

        if (types.Count != 1)
        {
            return CsType.Json;
        }

        return types[0] switch
        {
            "string" => CsType.String,
            "integer" => (string?)node["format"] == "int32" ? CsType.Int32 : CsType.Int64,
            "number" => CsType.Double,
            "boolean" => CsType.Boolean,
            "array" => CsType.ListOf(Element(IntOf(node["items"]))),
            "object" => node["additional"] is JsonValue additional && additional.GetValueKind() == JsonValueKind.Number
                ? CsType.MapOf(Element(additional.GetValue<int>()))
                : CsType.Json,
            _ => CsType.Json,
        };
    }

    /// <summary>The element type of a list or map: a nullable struct when the element schema admits <c>null</c>.</summary>
    private CsType Element(int index)
    {
        var type = Resolve(index);
        var admitsNull = index >= 0 && (AdmitsNull(table.Nodes[index]) || AdmitsNull(table.Nodes[Target(index)]));
        return admitsNull && type.IsValueType && type.Kind != CsTypeKind.Json ? CsType.NullableOf(type) : type;
    }

    private static bool AdmitsNull(JsonObject node)
        => node["type"] is JsonArray types && types.Any(t => (string?)t == "null");

    private static bool IsStringEnum(JsonArray values, List<string> types)
        => (types.Count == 0 || (types.Count == 1 && types[0] == "string"))
            && values.Any(v => v is not null)
            && values.All(v => v is null || (v is JsonValue s && s.GetValueKind() == JsonValueKind.String));

    private static EnumPlan PlanEnum(string name, JsonObject node, JsonArray values)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        taken.UnionWith(SdkNames.ObjectMembers);
        var wires = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<(string, string)>();
        foreach (var value in values)
        {
            if ((string?)value is { } wire && wires.Add(wire))
            {
                members.Add((SdkNames.Unique(SdkNames.Pascal(wire), taken), wire));
            }
        }

        return new EnumPlan(name, (string?)node["name"] ?? name, Documentation(node), members);
    }

    private static int IntOf(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var index) ? index : -1;
}
