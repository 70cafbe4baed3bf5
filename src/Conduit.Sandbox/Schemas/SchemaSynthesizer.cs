using System.Globalization;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Schemas;

/// <summary>
/// Builds a deterministic JSON value for a schema: the schema's example or default when it is
/// valid, else the first enum value, else a value made from the type and its constraints. Optional
/// properties are filled to <see cref="OptionalDepth"/> levels; required ones always are.
/// </summary>
internal static class SchemaSynthesizer
{
    /// <summary>How deep optional properties and array items are filled.</summary>
    public const int OptionalDepth = 3;

    private const int HardDepth = 24;

    private static readonly string[] PatternCandidates =
    [
        "string", "example", "a", "A", "1", "0", "abc", "5c5b350e0001", "00:00:00:00:00:00", "5c:5b:35:0e:00:01",
        "192.0.2.1", "192.0.2.0/24", "10", "100", "1-10", "*", "2025-01-01", "00:00", "example.com", "+1",
    ];

    /// <summary>Synthesises a value for <paramref name="schema"/>.</summary>
    public static JsonNode? Synthesize(SchemaNode schema, SynthesisPurpose purpose = SynthesisPurpose.Response)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Build(schema, purpose, 0, 0);
    }

    private static ValidationMode ModeFor(SynthesisPurpose purpose)
        => purpose == SynthesisPurpose.Response ? ValidationMode.Response : ValidationMode.Create;

    private static JsonNode? Build(SchemaNode schema, SynthesisPurpose purpose, int depth, int variant)
    {
        if (schema.Const is { } constant)
        {
            return constant.DeepClone();
        }

        if (purpose != SynthesisPurpose.Minimal && ExampleFits(schema, purpose))
        {
            return schema.Example!.DeepClone();
        }

        if (DefaultFits(schema, purpose))
        {
            return schema.Default!.DeepClone();
        }

        if (schema.Enum is { Length: > 0 } values)
        {
            var chosen = values.FirstOrDefault(v => v is not null) ?? values[0];
            return chosen?.DeepClone();
        }

        if (depth > HardDepth)
        {
            return schema.Admits(JsonKinds.Null) && schema.Types != JsonKinds.Any ? null : Scalar(schema, KindToBuild(schema), variant);
        }

        if (schema.AllOf is { Length: > 0 } parts)
        {
            return BuildAllOf(schema, parts, purpose, depth, variant);
        }

        var branches = schema.OneOf ?? schema.AnyOf;
        if (branches is { Length: > 0 })
        {
            return BuildBranch(schema, branches, purpose, depth, variant);
        }

        return BuildOwn(schema, purpose, depth, variant);
    }

    private static bool ExampleFits(SchemaNode schema, SynthesisPurpose purpose)
    {
        if (schema.Example is null)
        {
            return false;
        }

        if (purpose != SynthesisPurpose.Response)
        {
            return SchemaValidator.IsValid(schema, schema.Example, ModeFor(purpose));
        }

        if (schema.ExampleValidity == 0)
        {
            schema.ExampleValidity = SchemaValidator.IsValid(schema, schema.Example) ? 1 : -1;
        }

        return schema.ExampleValidity > 0;
    }

    private static bool DefaultFits(SchemaNode schema, SynthesisPurpose purpose)
    {
        if (schema.Default is null)
        {
            return false;
        }

        if (purpose != SynthesisPurpose.Response)
        {
            return SchemaValidator.IsValid(schema, schema.Default, ModeFor(purpose));
        }

        if (schema.DefaultValidity == 0)
        {
            schema.DefaultValidity = SchemaValidator.IsValid(schema, schema.Default) ? 1 : -1;
        }

        return schema.DefaultValidity > 0;
    }

    private static JsonNode? BuildAllOf(SchemaNode schema, SchemaNode[] parts, SynthesisPurpose purpose, int depth, int variant)
    {
        var own = schema.Properties is null && schema.Types == JsonKinds.Any ? null : BuildOwn(schema, purpose, depth, variant);
        JsonNode? merged = own;
        foreach (var part in parts)
        {
            var value = Build(part, purpose, depth, variant);
            if (merged is JsonObject target && value is JsonObject source)
            {
                foreach (var (name, property) in source.ToList())
                {
                    source.Remove(name);
                    target[name] = property;
                }
            }
            else if (merged is null)
            {
                merged = value;
            }
        }

        return merged;
    }

    private static JsonNode? BuildBranch(SchemaNode schema, SchemaNode[] branches, SynthesisPurpose purpose, int depth, int variant)
    {
        JsonNode? first = null;
        var mode = ModeFor(purpose);
        foreach (var branch in branches)
        {
            var candidate = Build(branch, purpose, depth, variant);
            if (schema.Properties is not null && candidate is JsonObject extra && BuildOwn(schema, purpose, depth, variant) is JsonObject own)
            {
                foreach (var (name, property) in own.ToList())
                {
                    own.Remove(name);
                    extra.TryAdd(name, property);
                }
            }

            if (SchemaValidator.IsValid(schema, candidate, mode))
            {
                return candidate;
            }

            first ??= candidate;
        }

        return first;
    }

    private static JsonKinds KindToBuild(SchemaNode schema)
    {
        var types = schema.Types & ~JsonKinds.Null;
        if (types == JsonKinds.Any)
        {
            return schema.Items is not null ? JsonKinds.Array
                : schema.Types == JsonKinds.Null ? JsonKinds.Null
                : JsonKinds.Object;
        }

        foreach (var kind in new[] { JsonKinds.Object, JsonKinds.Array, JsonKinds.String, JsonKinds.Integer, JsonKinds.Number, JsonKinds.Boolean })
        {
            if ((types & kind) != 0)
            {
                return kind;
            }
        }

        return JsonKinds.Null;
    }

    private static JsonNode? BuildOwn(SchemaNode schema, SynthesisPurpose purpose, int depth, int variant)
    {
        var kind = KindToBuild(schema);
        return kind switch
        {
            JsonKinds.Object => BuildObject(schema, purpose, depth, variant),
            JsonKinds.Array => BuildArray(schema, purpose, depth),
            _ => Scalar(schema, kind, variant),
        };
    }

    private static JsonObject BuildObject(SchemaNode schema, SynthesisPurpose purpose, int depth, int variant)
    {
        var result = new JsonObject();
        if (schema.Properties is null)
        {
            return result;
        }

        var fillOptional = purpose != SynthesisPurpose.Minimal && depth < OptionalDepth;
        foreach (var (name, property) in schema.Properties)
        {
            var required = schema.Required is { } names && Array.IndexOf(names, name) >= 0;
            if (purpose != SynthesisPurpose.Response && property.ReadOnly && !required)
            {
                continue;
            }

            // A synthesised page is the last page: an optional "next" link is left out.
            if (!required && (!fillOptional || name == "next"))
            {
                continue;
            }

            result[name] = Build(property, purpose, depth + 1, variant);
        }

        return result;
    }

    private static JsonArray BuildArray(SchemaNode schema, SynthesisPurpose purpose, int depth)
    {
        var array = new JsonArray();
        var count = schema.MinItems ?? (purpose != SynthesisPurpose.Minimal && depth < OptionalDepth ? 1 : 0);
        if (schema.MaxItems is { } max && count > max)
        {
            count = max;
        }

        for (var i = 0; i < count && schema.Items is not null; i++)
        {
            array.Add(Build(schema.Items, purpose, depth + 1, i));
        }

        return array;
    }

    private static JsonNode? Scalar(SchemaNode schema, JsonKinds kind, int variant) => kind switch
    {
        JsonKinds.String => JsonValue.Create(StringValue(schema, variant)),
        JsonKinds.Integer => JsonValue.Create((long)NumberValue(schema, variant, integral: true)),
        JsonKinds.Number => JsonValue.Create(NumberValue(schema, variant, integral: false)),
        JsonKinds.Boolean => JsonValue.Create(variant % 2 == 1),
        JsonKinds.Object => new JsonObject(),
        JsonKinds.Array => new JsonArray(),
        _ => null,
    };

    private static double NumberValue(SchemaNode schema, int variant, bool integral)
    {
        var step = integral ? 1 : 0.5;
        double? low = schema.Minimum ?? (schema.ExclusiveMinimum is { } exclusiveLow ? exclusiveLow + step : null);
        double? high = schema.Maximum ?? (schema.ExclusiveMaximum is { } exclusiveHigh ? exclusiveHigh - step : null);
        var value = (low ?? (high is { } h && h < 0 ? h : 0)) + variant;
        if (high is { } top && value > top)
        {
            value = Math.Max(low ?? top, top);
        }

        return integral ? Math.Ceiling(value) : value;
    }

    private static string StringValue(SchemaNode schema, int variant)
    {
        var text = schema.Format switch
        {
            "uuid" => string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{variant + 1:x12}"),
            "date-time" => "2025-01-01T00:00:00Z",
            "date" => "2025-01-01",
            "time" => "00:00:00",
            "email" => variant == 0 ? "user@example.com" : $"user{variant}@example.com",
            "ipv4" => string.Create(CultureInfo.InvariantCulture, $"192.0.2.{variant + 1}"),
            "ipv6" => string.Create(CultureInfo.InvariantCulture, $"2001:db8::{variant + 1:x}"),
            "uri" or "url" => "https://example.com/",
            "hostname" => "host.example.com",
            "byte" => "c3RyaW5n",
            _ => variant == 0 ? "string" : string.Create(CultureInfo.InvariantCulture, $"string{variant}"),
        };

        if (schema.PatternRegex is { } regex && !SafeMatch(regex, text))
        {
            text = PatternCandidates.FirstOrDefault(c => SafeMatch(regex, c) && FitsLength(schema, c)) ?? text;
        }

        if (schema.MinLength is { } min && text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        if (schema.MaxLength is { } max && text.Length > max)
        {
            text = text[..max];
        }

        return text;
    }

    private static bool FitsLength(SchemaNode schema, string text)
        => text.Length >= (schema.MinLength ?? 0) && text.Length <= (schema.MaxLength ?? int.MaxValue);

    private static bool SafeMatch(System.Text.RegularExpressions.Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
