using System.Text;
using System.Text.Json;

namespace Conduit.Mist.Streaming;

/// <summary>Reads a server frame (one UTF-8 JSON object) into a <see cref="MistStreamEvent"/>, decoding a string <c>data</c> a second time.</summary>
internal static class MistStreamFrameParser
{
    /// <summary>Parses <paramref name="utf8"/>; on failure returns null and says why in <paramref name="problem"/> (never quoting the frame).</summary>
    public static MistStreamEvent? Parse(ReadOnlySpan<byte> utf8, int connection, DateTimeOffset receivedAt, out string? problem)
    {
        problem = null;
        if (!TryParseJson(utf8, out var frame, out var error))
        {
            problem = $"The frame ({utf8.Length} bytes) is not valid JSON: {error}";
            return null;
        }

        if (frame.ValueKind != JsonValueKind.Object)
        {
            problem = $"The frame is a JSON {frame.ValueKind}, not an object.";
            return null;
        }

        var eventName = StringOf(frame, "event");
        var kind = eventName switch
        {
            "data" => MistStreamEventKind.Data,
            "channel_subscribed" => MistStreamEventKind.Subscribed,
            "channel_unsubscribed" => MistStreamEventKind.Unsubscribed,
            "subscribe_failed" => MistStreamEventKind.SubscribeFailed,
            "error" => MistStreamEventKind.Error,
            _ => MistStreamEventKind.Other,
        };
        var rawData = frame.TryGetProperty("data", out var value) ? value : default;
        var data = rawData;
        if (rawData.ValueKind == JsonValueKind.String && TryParseJson(Encoding.UTF8.GetBytes(rawData.GetString()!), out var decoded, out _))
        {
            data = decoded;
        }

        return new MistStreamEvent(kind, eventName, StringOf(frame, "channel"), StringOf(frame, "detail"), frame, rawData, data, connection, receivedAt);
    }

    private static string? StringOf(JsonElement frame, string name)
        => frame.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryParseJson(ReadOnlySpan<byte> utf8, out JsonElement element, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            element = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                error = "unexpected content after the value.";
                element = default;
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            element = default;
            return false;
        }
    }
}
