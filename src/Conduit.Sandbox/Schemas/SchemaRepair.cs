using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conduit.Sandbox.Schemas;

/// <summary>
/// Makes a synthesised value valid where the document's schemas contradict each other (an
/// <c>allOf</c> part whose <c>additionalProperties</c> rejects a sibling part's property): the
/// property named by each validation error is dropped, as long as the error points at one.
/// </summary>
internal static partial class SchemaRepair
{
    private const int MaxRepairs = 200;

    public static JsonNode? Repair(SchemaNode schema, JsonNode? value)
    {
        for (var attempt = 0; attempt < MaxRepairs; attempt++)
        {
            var error = SchemaValidator.Validate(schema, value);
            if (error is null || !TryRemove(value, error))
            {
                return value;
            }
        }

        return value;
    }

    private static bool TryRemove(JsonNode? root, string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var path = colon < 0 ? error : error[..colon];
        var steps = Step().Matches(path).Select(m => m.Value).ToList();
        if (steps.Count == 0 || !steps[^1].StartsWith('.'))
        {
            return false;
        }

        var node = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            node = step.StartsWith('.') ? (node as JsonObject)?[step[1..]]
                : (node as JsonArray) is { } array && int.TryParse(step.AsSpan(1, step.Length - 2), out var index) && index < array.Count ? array[index]
                : null;
        }

        return node is JsonObject parent && parent.Remove(steps[^1][1..]);
    }

    [GeneratedRegex(@"\.[^.\[]+|\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Step();
}
