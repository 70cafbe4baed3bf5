using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Conduit.Http;

/// <summary>A JSON body, serialised once to UTF-8 and re-sent as-is on every attempt.</summary>
public sealed class JsonBody : RequestBody
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly byte[] _utf8;

    private JsonBody(byte[] utf8) => _utf8 = utf8;

    /// <inheritdoc />
    public override string ContentType => "application/json";

    /// <summary>The serialised body.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8;

    /// <inheritdoc />
    internal override ReadOnlyMemory<byte> LoggableBytes => _utf8;

    /// <summary>Serialises a value with source-generated metadata (trim and AOT safe).</summary>
    public static JsonBody From<T>(T value, JsonTypeInfo<T> typeInfo) => new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>Uses a JSON element as the body.</summary>
    public static JsonBody From(JsonElement element) => new(Encoding.UTF8.GetBytes(element.GetRawText()));

    /// <summary>Uses JSON text as the body; the text is checked to be valid JSON.</summary>
    /// <exception cref="ArgumentException">The text is not valid JSON.</exception>
    public static JsonBody FromText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            using var _ = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The body is not valid JSON: {ex.Message}", nameof(json), ex);
        }

        return new JsonBody(bytes);
    }

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        var content = new ByteArrayContent(_utf8);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }
}
