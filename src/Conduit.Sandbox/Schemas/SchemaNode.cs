using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conduit.Sandbox.Schemas;

/// <summary>One compiled schema of the route-and-schema table; nodes refer to each other directly.</summary>
internal sealed class SchemaNode
{
    private Regex? regex;
    private bool regexTried;

    public required int Index { get; init; }

    public string? Name { get; set; }

    public JsonKinds Types { get; set; }

    public string? Format { get; set; }

    public string? Pattern { get; set; }

    public JsonNode?[]? Enum { get; set; }

    public JsonNode? Const { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public double? ExclusiveMinimum { get; set; }

    public double? ExclusiveMaximum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public KeyValuePair<string, SchemaNode>[]? Properties { get; set; }

    public Dictionary<string, SchemaNode>? PropertyMap { get; set; }

    public string[]? Required { get; set; }

    public bool AdditionalForbidden { get; set; }

    public SchemaNode? Additional { get; set; }

    public SchemaNode? Items { get; set; }

    public SchemaNode[]? OneOf { get; set; }

    public SchemaNode[]? AnyOf { get; set; }

    public SchemaNode[]? AllOf { get; set; }

    public SchemaNode? Not { get; set; }

    public JsonNode? Example { get; set; }

    public JsonNode? Default { get; set; }

    public bool ReadOnly { get; set; }

    /// <summary>Cached: 0 unknown, 1 the example is valid, -1 it is not (benign race: same answer).</summary>
    public int ExampleValidity { get; set; }

    /// <summary>Cached: 0 unknown, 1 the default is valid, -1 it is not.</summary>
    public int DefaultValidity { get; set; }

    /// <summary>Whether <see cref="Types"/> admits <paramref name="kind"/> (an unconstrained schema admits all).</summary>
    public bool Admits(JsonKinds kind) => Types == JsonKinds.Any || (Types & kind) != 0
        || (kind == JsonKinds.Integer && (Types & JsonKinds.Number) != 0);

    /// <summary>The compiled <see cref="Pattern"/>, or null when it has none or it does not compile in .NET.</summary>
    public Regex? PatternRegex
    {
        get
        {
            if (!regexTried && Pattern is not null)
            {
                try
                {
                    regex = new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException)
                {
                    regex = null;
                }

                regexTried = true;
            }

            return regex;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name ?? $"#{Index}";
}
