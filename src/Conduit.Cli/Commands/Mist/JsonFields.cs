using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conduit.Cli.Commands.Mist;

/// <summary>Writes JSON for people and for scripts (fields are read with <see cref="LenientJson"/>).</summary>
internal static class JsonFields
{
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions PrettyNodes = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions CompactNodes = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The element as JSON text: indented for people, compact for scripts; non-ASCII kept as is.</summary>
    public static string Format(JsonElement element, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Pretty : Compact))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The node as JSON text: indented for people, compact for scripts; non-ASCII kept as is.</summary>
    public static string Format(JsonNode node, bool indented) =>
        node.ToJsonString(indented ? PrettyNodes : CompactNodes);

    /// <summary>A node for a JSON element (a deep copy).</summary>
    public static JsonNode? Node(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText());
}
