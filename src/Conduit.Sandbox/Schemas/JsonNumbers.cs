using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Schemas;

/// <summary>Reads numbers from JSON values whether they were parsed or created from CLR values.</summary>
internal static class JsonNumbers
{
    /// <summary>The value as a double, or null when it is not a number.</summary>
    public static double? AsDouble(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;
        }

        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }

        if (value.TryGetValue<double>(out var real))
        {
            return real;
        }

        return value.TryGetValue<decimal>(out var exact) ? (double)exact : null;
    }

    /// <summary>Whether the value is a number without a fractional part.</summary>
    public static bool IsIntegral(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind == JsonValueKind.Number && (element.TryGetInt64(out _) || IsWhole(element.GetDouble()));
        }

        return AsDouble(node) is { } number && IsWhole(number);
    }

    private static bool IsWhole(double number) => Math.Abs(number % 1) < double.Epsilon && Math.Abs(number) < 1e18;
}
