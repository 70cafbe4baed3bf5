using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conduit.Mist.Codegen.Schemas;

/// <summary>
/// Interns OpenAPI schemas into a <see cref="SchemaTable"/>. A node is a JSON object with short,
/// stable keys: <c>type</c> (array of JSON type names, <c>null</c> included when the schema is
/// nullable either way), <c>format</c>, <c>pattern</c>, <c>enum</c>, <c>const</c>, numeric and length
/// bounds, <c>props</c> (name → index), <c>required</c>, <c>additional</c> (index or <c>false</c>),
/// <c>items</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> (index arrays), <c>not</c>, <c>example</c>,
/// <c>default</c>, <c>readOnly</c>, <c>ref</c> (an alias to another node) and <c>name</c> (components).
/// </summary>
internal sealed class SchemaTableBuilder
{
    private readonly List<JsonObject> nodes = [];
    private readonly Dictionary<string, int> inlineIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> componentIndex = new(StringComparer.Ordinal);
    private readonly int componentCount;
    private readonly bool documentation;

    /// <summary>Creates a builder and interns every component schema first, in ordinal name order.</summary>
    /// <param name="components">The document's component schemas.</param>
    /// <param name="documentation">
    /// Whether nodes also keep <c>description</c>, <c>title</c> and <c>deprecated</c> (the SDK writer's
    /// XML docs); off for the sandbox table, which drops them.
    /// </param>
    public SchemaTableBuilder(IDictionary<string, IOpenApiSchema>? components, bool documentation = false)
    {
        this.documentation = documentation;
        var named = (components ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (name, _) in named)
        {
            componentIndex[name] = nodes.Count;
            nodes.Add([]);
        }

        componentCount = named.Count;
        foreach (var (name, schema) in named)
        {
            var node = schema is OpenApiSchemaReference reference
                ? new JsonObject { ["ref"] = Intern(reference) }
                : BuildNode(schema);
            node["name"] = name;
            nodes[componentIndex[name]] = node;
        }
    }

    /// <summary>Returns the index of <paramref name="schema"/>, adding it when it is new; -1 for none.</summary>
    public int Intern(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return -1;
        }

        if (schema is OpenApiSchemaReference reference
            && reference.Reference.Id is { } id
            && componentIndex.TryGetValue(id, out var component))
        {
            return component;
        }

        var node = BuildNode(schema);
        var key = node.ToJsonString();
        if (inlineIndex.TryGetValue(key, out var existing))
        {
            return existing;
        }

        nodes.Add(node);
        inlineIndex[key] = nodes.Count - 1;
        return nodes.Count - 1;
    }

    /// <summary>Freezes the table.</summary>
    public SchemaTable Build() => new(nodes.ToArray(), componentCount, new Dictionary<string, int>(componentIndex, StringComparer.Ordinal));

    private JsonObject BuildNode(IOpenApiSchema schema)
    {
        var node = new JsonObject();
        var types = TypeNames(schema);
        if (types.Count > 0)
        {
            node["type"] = new JsonArray([.. types.Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        AddString(node, "format", schema.Format);
        AddString(node, "pattern", schema.Pattern);
        if (schema.Enum is { Count: > 0 } values)
        {
            node["enum"] = new JsonArray([.. values.Select(Clone)]);
        }

        if (schema.Const is { } constant)
        {
            node["const"] = constant;
        }

        AddNumber(node, "minimum", schema.Minimum);
        AddNumber(node, "maximum", schema.Maximum);
        AddNumber(node, "exclusiveMinimum", schema.ExclusiveMinimum);
        AddNumber(node, "exclusiveMaximum", schema.ExclusiveMaximum);
        AddInteger(node, "minLength", schema.MinLength);
        AddInteger(node, "maxLength", schema.MaxLength);
        AddInteger(node, "minItems", schema.MinItems);
        AddInteger(node, "maxItems", schema.MaxItems);
        if (schema.UniqueItems == true)
        {
            node["uniqueItems"] = true;
        }

        if (schema.Properties is { Count: > 0 } properties)
        {
            var props = new JsonObject();
            foreach (var (name, property) in properties)
            {
                props[name] = Intern(property);
            }

            node["props"] = props;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            node["required"] = new JsonArray([.. required.Select(r => (JsonNode)JsonValue.Create(r))]);
        }

        if (!schema.AdditionalPropertiesAllowed)
        {
            node["additional"] = false;
        }
        else if (schema.AdditionalProperties is { } additional)
        {
            node["additional"] = Intern(additional);
        }

        if (schema.Items is { } items)
        {
            node["items"] = Intern(items);
        }

        AddList(node, "oneOf", schema.OneOf);
        AddList(node, "anyOf", schema.AnyOf);
        AddList(node, "allOf", schema.AllOf);
        if (schema.Not is { } not)
        {
            node["not"] = Intern(not);
        }

        if (FirstExample(schema) is { } example)
        {
            node["example"] = example;
        }

        if (schema.Default is { } defaultValue)
        {
            node["default"] = Clone(defaultValue);
        }

        if (schema.ReadOnly)
        {
            node["readOnly"] = true;
        }

        if (documentation)
        {
            AddString(node, "title", schema.Title);
            AddString(node, "description", schema.Description);
            if (schema.Deprecated)
            {
                node["deprecated"] = true;
            }
        }

        return node;
    }

    private void AddList(JsonObject node, string key, IList<IOpenApiSchema>? schemas)
    {
        if (schemas is { Count: > 0 })
        {
            node[key] = new JsonArray([.. schemas.Select(s => (JsonNode)JsonValue.Create(Intern(s)))]);
        }
    }

    private static List<string> TypeNames(IOpenApiSchema schema)
    {
        var names = new List<string>();
        if (schema.Type is { } type)
        {
            AddIf(names, type, JsonSchemaType.Object, "object");
            AddIf(names, type, JsonSchemaType.Array, "array");
            AddIf(names, type, JsonSchemaType.String, "string");
            AddIf(names, type, JsonSchemaType.Integer, "integer");
            AddIf(names, type, JsonSchemaType.Number, "number");
            AddIf(names, type, JsonSchemaType.Boolean, "boolean");
            AddIf(names, type, JsonSchemaType.Null, "null");
        }

        var nullable = schema.UnrecognizedKeywords is { } keywords
            && keywords.TryGetValue("nullable", out var flag)
            && flag is JsonValue value
            && value.TryGetValue<bool>(out var isNullable)
            && isNullable;
        if (nullable && names.Count > 0 && !names.Contains("null"))
        {
            names.Add("null");
        }

        return names;
    }

    private static void AddIf(List<string> names, JsonSchemaType type, JsonSchemaType flag, string name)
    {
        if ((type & flag) == flag)
        {
            names.Add(name);
        }
    }

#pragma warning disable CS0618 // Example is obsolete in favour of Examples, but 3.0-style documents still fill it.
    private static JsonNode? FirstExample(IOpenApiSchema schema)
        => schema.Example is { } example ? Clone(example)
            : schema.Examples is { Count: > 0 } examples ? Clone(examples[0])
            : null;
#pragma warning restore CS0618

    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    private static void AddString(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[key] = value;
        }
    }

    private static void AddInteger(JsonObject node, string key, int? value)
    {
        if (value is { } number)
        {
            node[key] = number;
        }
    }

    private static void AddNumber(JsonObject node, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            node[key] = whole;
        }
        else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            node[key] = real;
        }
    }
}
