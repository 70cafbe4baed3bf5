using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Conduit.Mist.Api;

/// <summary>
/// The base of the generated model converters. A model is read field by field: a documented field sets
/// its <see cref="Optional{T}"/> (JSON <c>null</c> gives the explicit-null state), any other field goes to
/// <see cref="IMistModel.AdditionalProperties"/>. Writing emits only the fields that are set, then the
/// additional ones, so a read-modify-write sends back exactly what was read plus the caller's changes.
/// Field values go through the options' source-generated metadata, so the converters are trim and AOT safe.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
public abstract class MistModelJsonConverter<T> : JsonConverter<T>
    where T : class, IMistModel, new()
{
    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name}, found {reader.TokenType}.");
        }

        var model = new T();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!ReadProperty(ref reader, model, name, options))
            {
                (model.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return model;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteProperties(writer, value, options);
        if (value.AdditionalProperties is { } additional)
        {
            foreach (var (name, element) in additional)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the documented field <paramref name="name"/> (the reader is on its value); false when the field is not documented.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="model">The model being read.</param>
    /// <param name="name">The field name.</param>
    /// <param name="options">The serializer options (with the generated metadata).</param>
    protected abstract bool ReadProperty(ref Utf8JsonReader reader, T model, string name, JsonSerializerOptions options);

    /// <summary>Writes the documented fields that are set.</summary>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="model">The model being written.</param>
    /// <param name="options">The serializer options (with the generated metadata).</param>
    protected abstract void WriteProperties(Utf8JsonWriter writer, T model, JsonSerializerOptions options);

    /// <summary>Reads one field value: JSON <c>null</c> is the explicit-null state.</summary>
    /// <typeparam name="TValue">The field's value type.</typeparam>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="options">The serializer options (with the generated metadata).</param>
    protected static Optional<TValue> ReadValue<TValue>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return reader.TokenType == JsonTokenType.Null
            ? Optional<TValue>.Null
            : new Optional<TValue>(JsonSerializer.Deserialize(ref reader, Info<TValue>(options)));
    }

    /// <summary>Writes one field when it is set (a value, or <c>null</c> when explicitly null); an unset field is skipped.</summary>
    /// <typeparam name="TValue">The field's value type.</typeparam>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="name">The field name.</param>
    /// <param name="value">The field.</param>
    /// <param name="options">The serializer options (with the generated metadata).</param>
    protected static void WriteValue<TValue>(Utf8JsonWriter writer, string name, Optional<TValue> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        if (!value.IsSet)
        {
            return;
        }

        writer.WritePropertyName(name);
        if (value.IsNull)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Value, Info<TValue>(options));
        }
    }

    private static JsonTypeInfo<TValue> Info<TValue>(JsonSerializerOptions options)
        => (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
}
