using System.Text.Json;

namespace Conduit;

/// <summary>
/// Reads loosely typed fields of JSON objects (Mist answers) without reflection: a missing field, a field of another
/// kind, or an element that is not an object reads as null. Compiled into each project that needs it
/// (<c>&lt;Compile Include="../Shared/LenientJson.cs" /&gt;</c>), internal to each.
/// </summary>
internal static class LenientJson
{
    /// <summary>A string property (or a number or boolean as text), or null.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A boolean property, or null.</summary>
    public static bool? Boolean(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    /// <summary>A whole-number property that fits a <see cref="long"/>, or null.</summary>
    public static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;
}
