using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Conduit.Mist.Api;

/// <summary>
/// Formats values the generated code puts in paths, query strings, headers and form fields where the
/// HTTP core's invariant formatting is not enough: enums by their wire names, JSON values as text.
/// </summary>
internal static class MistWireFormat
{
    /// <summary>The wire name of an enum value (its JSON string), read from the generated metadata.</summary>
    public static string Enum<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : struct, System.Enum
    {
        var json = JsonSerializer.SerializeToElement(value, typeInfo);
        return json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
    }

    /// <summary>The wire name of an optional enum value; <see langword="null"/> stays null (and is not sent).</summary>
    public static string? Enum<T>(T? value, JsonTypeInfo<T> typeInfo)
        where T : struct, System.Enum
        => value is { } set ? Enum(set, typeInfo) : null;

    /// <summary>A JSON value as text: strings unquoted, anything else as compact JSON.</summary>
    public static string Json(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>An optional JSON value as text; <see langword="null"/> stays null.</summary>
    public static string? Json(JsonElement? value) => value is { } set ? Json(set) : null;

    /// <summary>A typed value as compact JSON text (a form field carrying a JSON document).</summary>
    public static string Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var element = JsonSerializer.SerializeToElement(value, typeInfo);
        return Json(element);
    }
}
