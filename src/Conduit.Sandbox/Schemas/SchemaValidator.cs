using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conduit.Sandbox.Schemas;

/// <summary>
/// Checks JSON values against compiled schemas (the JSON Schema subset the Mist document uses:
/// types with nullability, enum/const, bounds, lengths, patterns, the <c>uuid</c> format, properties,
/// required, additionalProperties, items, uniqueItems and the combinators).
/// </summary>
internal static class SchemaValidator
{
    private const int MaxDepth = 64;

    /// <summary>Returns null when <paramref name="value"/> is valid, else the first reason with its JSON path.</summary>
    public static string? Validate(SchemaNode schema, JsonNode? value, ValidationMode mode = ValidationMode.Response)
    {
        ArgumentNullException.ThrowIfNull(schema);
        string? error = null;
        Check(schema, value, "$", mode, 0, ref error);
        return error;
    }

    /// <summary>Whether <paramref name="value"/> is valid against <paramref name="schema"/>.</summary>
    public static bool IsValid(SchemaNode schema, JsonNode? value, ValidationMode mode = ValidationMode.Response)
        => Validate(schema, value, mode) is null;

    /// <summary>The JSON kind of a value (integral numbers are <see cref="JsonKinds.Integer"/>).</summary>
    public static JsonKinds KindOf(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return JsonKinds.Null;
            case JsonObject:
                return JsonKinds.Object;
            case JsonArray:
                return JsonKinds.Array;
        }

        var element = value.GetValueKind();
        return element switch
        {
            JsonValueKind.String => JsonKinds.String,
            JsonValueKind.True or JsonValueKind.False => JsonKinds.Boolean,
            JsonValueKind.Number => JsonNumbers.IsIntegral(value) ? JsonKinds.Integer : JsonKinds.Number,
            JsonValueKind.Null => JsonKinds.Null,
            _ => JsonKinds.Any,
        };
    }

    private static bool Fail(ref string? error, string path, string reason)
    {
        error ??= $"{path}: {reason}";
        return false;
    }

    private static bool Check(SchemaNode schema, JsonNode? value, string path, ValidationMode mode, int depth, ref string? error)
    {
        if (depth > MaxDepth)
        {
            return Fail(ref error, path, "nested too deeply");
        }

        var kind = KindOf(value);
        if (!schema.Admits(kind))
        {
            return Fail(ref error, path, $"expected {Describe(schema.Types)}, got {Describe(kind)}");
        }

        if (schema.Const is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            return Fail(ref error, path, $"expected the constant {constant.ToJsonString()}");
        }

        if (schema.Enum is { } values && !(kind == JsonKinds.Null && schema.Admits(JsonKinds.Null)) && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            return Fail(ref error, path, $"'{Text(value)}' is not one of {string.Join(", ", values.Select(Text))}");
        }

        var ok = kind switch
        {
            JsonKinds.String => CheckString(schema, value!.GetValue<string>(), path, ref error),
            JsonKinds.Integer or JsonKinds.Number => CheckNumber(schema, JsonNumbers.AsDouble(value) ?? 0, path, ref error),
            JsonKinds.Array => CheckArray(schema, value!.AsArray(), path, mode, depth, ref error),
            JsonKinds.Object => CheckObject(schema, value!.AsObject(), path, mode, depth, ref error),
            _ => true,
        };
        return ok && CheckCombinators(schema, value, path, mode, depth, ref error);
    }

    private static bool CheckCombinators(SchemaNode schema, JsonNode? value, string path, ValidationMode mode, int depth, ref string? error)
    {
        if (schema.AllOf is { } all)
        {
            foreach (var part in all)
            {
                if (!Check(part, value, path, mode, depth + 1, ref error))
                {
                    return false;
                }
            }
        }

        if (schema.AnyOf is { } any && !any.Any(part => IsValidAt(part, value, mode, depth)))
        {
            return Fail(ref error, path, $"matches none of anyOf [{string.Join(", ", any.Select(a => a.ToString()))}]");
        }

        if (schema.OneOf is { } one)
        {
            var matches = one.Count(part => IsValidAt(part, value, mode, depth));
            if (matches == 0)
            {
                string? inner = null;
                Check(one[0], value, path, mode, depth + 1, ref inner);
                return Fail(ref error, path, $"matches none of oneOf [{string.Join(", ", one.Select(a => a.ToString()))}] (first: {inner})");
            }

            if (matches > 1 && mode == ValidationMode.Response)
            {
                return Fail(ref error, path, $"matches {matches} branches of oneOf [{string.Join(", ", one.Select(a => a.ToString()))}]");
            }
        }

        if (schema.Not is { } not && IsValidAt(not, value, mode, depth))
        {
            return Fail(ref error, path, "matches a schema it must not match");
        }

        return true;
    }

    private static bool IsValidAt(SchemaNode schema, JsonNode? value, ValidationMode mode, int depth)
    {
        string? ignored = null;
        return Check(schema, value, "$", mode, depth + 1, ref ignored);
    }

    private static bool CheckString(SchemaNode schema, string text, string path, ref string? error)
    {
        if (schema.MinLength is not null || schema.MaxLength is not null)
        {
            var length = CodePoints(text);
            if (schema.MinLength is { } minLength && length < minLength)
            {
                return Fail(ref error, path, $"shorter than {minLength} characters");
            }

            if (schema.MaxLength is { } maxLength && length > maxLength)
            {
                return Fail(ref error, path, $"longer than {maxLength} characters");
            }
        }

        if (schema.Format == "uuid" && !Guid.TryParseExact(text, "D", out _))
        {
            return Fail(ref error, path, $"'{text}' is not a UUID");
        }

        if (schema.PatternRegex is { } regex)
        {
            try
            {
                if (!regex.IsMatch(text))
                {
                    return Fail(ref error, path, $"'{text}' does not match the pattern {schema.Pattern}");
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return Fail(ref error, path, "the pattern check timed out");
            }
        }

        return true;
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static bool CheckNumber(SchemaNode schema, double number, string path, ref string? error)
    {
        if (schema.Minimum is { } min && number < min)
        {
            return Fail(ref error, path, $"{Format(number)} is less than the minimum {Format(min)}");
        }

        if (schema.Maximum is { } max && number > max)
        {
            return Fail(ref error, path, $"{Format(number)} is greater than the maximum {Format(max)}");
        }

        if (schema.ExclusiveMinimum is { } exclusiveMin && number <= exclusiveMin)
        {
            return Fail(ref error, path, $"{Format(number)} is not greater than {Format(exclusiveMin)}");
        }

        if (schema.ExclusiveMaximum is { } exclusiveMax && number >= exclusiveMax)
        {
            return Fail(ref error, path, $"{Format(number)} is not less than {Format(exclusiveMax)}");
        }

        return true;
    }

    private static bool CheckArray(SchemaNode schema, JsonArray array, string path, ValidationMode mode, int depth, ref string? error)
    {
        if (schema.MinItems is { } min && array.Count < min)
        {
            return Fail(ref error, path, $"has fewer than {min} items");
        }

        if (schema.MaxItems is { } max && array.Count > max)
        {
            return Fail(ref error, path, $"has more than {max} items");
        }

        if (schema.UniqueItems)
        {
            for (var i = 0; i < array.Count; i++)
            {
                for (var j = i + 1; j < array.Count; j++)
                {
                    if (JsonNode.DeepEquals(array[i], array[j]))
                    {
                        return Fail(ref error, path, $"items {i} and {j} are equal but must be unique");
                    }
                }
            }
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (!Check(items, array[i], $"{path}[{i}]", mode, depth + 1, ref error))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool CheckObject(SchemaNode schema, JsonObject obj, string path, ValidationMode mode, int depth, ref string? error)
    {
        if (schema.Required is { } required && mode != ValidationMode.Update)
        {
            foreach (var name in required)
            {
                var readOnly = schema.PropertyMap?.TryGetValue(name, out var property) == true && property.ReadOnly;
                if (!obj.ContainsKey(name) && !(mode == ValidationMode.Create && readOnly))
                {
                    return Fail(ref error, path, $"the required property '{name}' is missing");
                }
            }
        }

        foreach (var (name, value) in obj)
        {
            if (schema.PropertyMap is { } map && map.TryGetValue(name, out var propertySchema))
            {
                if (!Check(propertySchema, value, $"{path}.{name}", mode, depth + 1, ref error))
                {
                    return false;
                }
            }
            else if (schema.AdditionalForbidden)
            {
                return Fail(ref error, path, $"the property '{name}' is not allowed");
            }
            else if (schema.Additional is { } additional && !Check(additional, value, $"{path}.{name}", mode, depth + 1, ref error))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Text(JsonNode? value) => value is null ? "null"
        : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>()
        : value.ToJsonString();

    /// <summary>Names a set of kinds for messages (<c>integer or null</c>).</summary>
    public static string Describe(JsonKinds kinds)
    {
        if (kinds == JsonKinds.Any)
        {
            return "any value";
        }

        var names = new StringBuilder();
        foreach (var kind in Enum.GetValues<JsonKinds>())
        {
            if (kind != JsonKinds.Any && (kinds & kind) == kind)
            {
                names.Append(names.Length > 0 ? " or " : string.Empty).Append(kind switch
                {
                    JsonKinds.Object => "an object",
                    JsonKinds.Array => "an array",
                    JsonKinds.String => "a string",
                    JsonKinds.Integer => "an integer",
                    JsonKinds.Number => "a number",
                    JsonKinds.Boolean => "a boolean",
                    _ => "null",
                });
            }
        }

        return names.ToString();
    }
}
