using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conduit.Mist.Tests.TestSupport;

/// <summary>
/// Builds the smallest JSON value a schema node of the table accepts: required properties only, the
/// first enum value, an example or default for scalars when it fits the pattern, else a value made
/// from the type, format and bounds.
/// </summary>
internal sealed class MinimalJsonSynthesizer(JsonArray schemas)
{
    private static readonly string[] PatternCandidates =
    [
        "string", "a", "1", "0", "abc", "5c5b350e0001", "00:00:00:00:00:00", "5c:5b:35:0e:00:01", "192.0.2.1", "192.0.2.0/24",
        "10", "100", "1-10", "*", "2025-01-01", "00:00", "example.com", "+1", "00000000-0000-0000-0000-000000000000",
    ];

    public JsonNode? Synthesize(int index, int depth = 0)
    {
        if (index < 0)
        {
            return new JsonObject();
        }

        var node = schemas[index]!.AsObject();
        if (node["ref"] is JsonValue alias)
        {
            return Synthesize((int)alias, depth);
        }

        if (node["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        if (node["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        if (node["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject();
            foreach (var part in parts)
            {
                if (Synthesize((int)part!, depth + 1) is JsonObject piece)
                {
                    foreach (var (name, value) in piece.ToList())
                    {
                        piece.Remove(name);
                        merged[name] = value;
                    }
                }
            }

            AddRequired(node, merged, depth);
            return merged;
        }

        if ((node["oneOf"] ?? node["anyOf"]) is JsonArray branches && branches.Count > 0)
        {
            var chosen = Synthesize((int)branches[0]!, depth + 1);
            if (chosen is JsonObject target)
            {
                AddRequired(node, target, depth);
            }

            return chosen;
        }

        var types = node["type"] is JsonArray t ? t.Select(x => (string)x!).Where(x => x != "null").ToList() : [];
        var kind = types.FirstOrDefault() ?? (node["props"] is not null ? "object" : node["items"] is not null ? "array" : "object");
        return kind switch
        {
            "object" => Object(node, depth),
            "array" => Array(node, depth),
            "string" => JsonValue.Create(Text(node)),
            "integer" => JsonValue.Create((long)Number(node)),
            "number" => JsonValue.Create(Number(node)),
            "boolean" => JsonValue.Create(node["example"] is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? (bool)b : false),
            _ => null,
        };
    }

    private JsonObject Object(JsonObject node, int depth)
    {
        var value = new JsonObject();
        AddRequired(node, value, depth);
        return value;
    }

    private void AddRequired(JsonObject node, JsonObject value, int depth)
    {
        if (node["required"] is not JsonArray required || node["props"] is not JsonObject props || depth > 20)
        {
            return;
        }

        foreach (var name in required.Select(r => (string)r!))
        {
            if (props[name] is JsonValue schema && !value.ContainsKey(name))
            {
                value[name] = Synthesize((int)schema, depth + 1);
            }
        }
    }

    private JsonArray Array(JsonObject node, int depth)
    {
        var count = (int?)node["minItems"] ?? 0;
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(node["items"] is JsonValue items ? Synthesize((int)items, depth + 1) : JsonValue.Create("a"));
        }

        return array;
    }

    private static double Number(JsonObject node)
    {
        if (node["example"] is JsonValue example && example.GetValueKind() == JsonValueKind.Number && Fits(node, (double)example))
        {
            return (double)example;
        }

        var minimum = (double?)node["minimum"] ?? ((double?)node["exclusiveMinimum"] + 1) ?? 1;
        return Fits(node, minimum) ? minimum : (double?)node["maximum"] ?? 0;
    }

    private static bool Fits(JsonObject node, double value)
        => value >= ((double?)node["minimum"] ?? double.MinValue) && value <= ((double?)node["maximum"] ?? double.MaxValue);

    private static string Text(JsonObject node)
    {
        var pattern = (string?)node["pattern"];
        if (node["example"] is JsonValue example && example.GetValueKind() == JsonValueKind.String && Matches(pattern, (string)example!) && LengthFits(node, (string)example!))
        {
            return (string)example!;
        }

        if (node["default"] is JsonValue fallback && fallback.GetValueKind() == JsonValueKind.String && Matches(pattern, (string)fallback!) && LengthFits(node, (string)fallback!))
        {
            return (string)fallback!;
        }

        var text = (string?)node["format"] switch
        {
            "uuid" => "00000000-0000-0000-0000-000000000000",
            "date-time" => "2025-01-01T00:00:00Z",
            "date" => "2025-01-01",
            "email" => "user@example.com",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "uri" or "url" => "https://example.com",
            "hostname" => "example.com",
            _ => pattern is null ? "string" : PatternCandidates.FirstOrDefault(c => Matches(pattern, c)) ?? "string",
        };
        var minimum = (int?)node["minLength"] ?? 0;
        return text.Length >= minimum ? text : text + new string('a', minimum - text.Length);
    }

    private static bool LengthFits(JsonObject node, string text)
        => text.Length >= ((int?)node["minLength"] ?? 0) && text.Length <= ((int?)node["maxLength"] ?? int.MaxValue);

    private static bool Matches(string? pattern, string text)
    {
        if (pattern is null)
        {
            return true;
        }

        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public static string Scalar(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (string)v!,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonArray a => string.Join(",", a.Select(Scalar)),
        null => string.Empty,
        _ => Convert.ToString(value.ToJsonString(), CultureInfo.InvariantCulture)!,
    };
}
