using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// The frames the server sends, in Mist's shapes: <c>channel_subscribed</c>, <c>channel_unsubscribed</c>,
/// <c>subscribe_failed</c> (with <c>detail</c>), <c>data</c> (whose <c>data</c> is the payload's JSON
/// text as a string) and <c>error</c> (with <c>detail</c>). Each is one UTF-8 JSON text message.
/// </summary>
internal static class StreamFrames
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Subscribed(string channel) => Write("channel_subscribed", channel, null, default);

    public static byte[] Unsubscribed(string channel) => Write("channel_unsubscribed", channel, null, default);

    public static byte[] SubscribeFailed(string channel, string detail) => Write("subscribe_failed", channel, detail, default);

    public static byte[] Error(string detail) => Write("error", null, detail, default);

    /// <summary>A data frame; <paramref name="payload"/> is UTF-8 JSON, sent as a JSON string.</summary>
    public static byte[] Data(string channel, ReadOnlySpan<byte> payload) => Write("data", channel, null, payload);

    private static byte[] Write(string name, string? channel, string? detail, ReadOnlySpan<byte> data)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (data.Length * 5 / 4));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("event"u8, name);
            if (channel is not null)
            {
                writer.WriteString("channel"u8, channel);
            }

            if (detail is not null)
            {
                writer.WriteString("detail"u8, detail);
            }

            if (name == "data")
            {
                writer.WriteString("data"u8, data);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
