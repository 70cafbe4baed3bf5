using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Conduit.Mist.Api;

/// <summary>
/// Reads and writes an <see cref="Optional{T}"/>: JSON <c>null</c> is the explicit-null state, any other
/// value is read with the options' metadata for <typeparamref name="T"/> (source-generated, so trim and
/// AOT safe). Unset values are not written because the generated context skips default values.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
{
    /// <summary>Null tokens come to this converter (they mean the explicit-null state).</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Optional<T>.Null;
        }

        return new Optional<T>(JsonSerializer.Deserialize(ref reader, TypeInfo(options)));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        if (!value.HasValue)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value.Value, TypeInfo(options));
    }

    private static JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options)
        => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
