using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Conduit.Mist.Streaming;

/// <summary>
/// One frame received from the Mist stream: a <see cref="MistStreamEventKind.Data"/> event on a channel, or an
/// acknowledgement, refusal or error. The JSON values stay valid after the event is handed over (nothing to dispose).
/// </summary>
public sealed class MistStreamEvent
{
    internal MistStreamEvent(MistStreamEventKind kind, string? eventName, string? channel, string? detail, JsonElement frame, JsonElement rawData, JsonElement data, int connection, DateTimeOffset receivedAt)
    {
        Kind = kind;
        EventName = eventName;
        Channel = channel;
        Detail = detail;
        Frame = frame;
        RawData = rawData;
        Data = data;
        Connection = connection;
        ReceivedAt = receivedAt;
    }

    /// <summary>What the frame is.</summary>
    public MistStreamEventKind Kind { get; }

    /// <summary>The frame's <c>event</c> field as sent (<c>data</c>, <c>channel_subscribed</c>, …), or null when absent.</summary>
    public string? EventName { get; }

    /// <summary>The channel, exactly as this client subscribed to it; null for frames without one (such as <c>error</c>).</summary>
    public string? Channel { get; }

    /// <summary>The server's explanation of a <see cref="MistStreamEventKind.SubscribeFailed"/> or <see cref="MistStreamEventKind.Error"/> frame.</summary>
    public string? Detail { get; }

    /// <summary>The whole frame.</summary>
    public JsonElement Frame { get; }

    /// <summary>The frame's <c>data</c> as received: usually a JSON string holding the payload's JSON text (as Mist sends it); <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    public JsonElement RawData { get; }

    /// <summary>
    /// The payload, decoded: when <see cref="RawData"/> is a string of JSON text, that text parsed; otherwise
    /// <see cref="RawData"/> itself (an object sent as such, or a string that is not JSON).
    /// </summary>
    public JsonElement Data { get; }

    /// <summary>The index of the connection the frame came on (0 for the first; more when the channels need several).</summary>
    public int Connection { get; }

    /// <summary>When the frame was received, on the stream's <see cref="MistStreamOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Deserializes <see cref="Data"/> with source-generated metadata (trimming- and AOT-safe).</summary>
    public T? GetData<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Data.ValueKind == JsonValueKind.Undefined ? default : Data.Deserialize(typeInfo);
    }

    /// <summary>A short description: kind, channel and detail (never the payload).</summary>
    public override string ToString() => Detail is null ? $"{Kind} {Channel}" : $"{Kind} {Channel}: {Detail}";
}
