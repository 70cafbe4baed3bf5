using System.Text.Json;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// Handles what a client sends: <c>{"subscribe": "&lt;channel&gt;"}</c> and <c>{"unsubscribe": "&lt;channel&gt;"}</c>
/// (both in one message are handled in that order). Anything else gets an <c>error</c> frame and the
/// connection stays open.
/// </summary>
internal static class StreamClientMessages
{
    private const string Expected = "Expected {\"subscribe\": \"<channel>\"} or {\"unsubscribe\": \"<channel>\"}.";

    public static void Handle(StreamConnection connection, ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            Reject(connection, $"Invalid JSON: {ex.Message} {Expected}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Reject(connection, $"The message is not a JSON object. {Expected}");
                return;
            }

            var handled = false;
            if (root.TryGetProperty("subscribe", out var subscribe))
            {
                handled = true;
                if (subscribe.ValueKind == JsonValueKind.String)
                {
                    Subscribe(connection, subscribe.GetString()!);
                }
                else
                {
                    Reject(connection, "\"subscribe\" must be a channel string, e.g. \"/sites/<site_id>/stats/devices\".");
                }
            }

            if (root.TryGetProperty("unsubscribe", out var unsubscribe))
            {
                handled = true;
                if (unsubscribe.ValueKind == JsonValueKind.String)
                {
                    Unsubscribe(connection, unsubscribe.GetString()!);
                }
                else
                {
                    Reject(connection, "\"unsubscribe\" must be a channel string.");
                }
            }

            if (!handled)
            {
                Reject(connection, $"Unknown message. {Expected}");
            }
        }
    }

    /// <summary>Answers a message the server cannot use with an <c>error</c> frame.</summary>
    public static void Reject(StreamConnection connection, string detail)
    {
        connection.Hub.RecordClientError();
        connection.Enqueue(StreamFrames.Error(detail));
    }

    private static void Subscribe(StreamConnection connection, string text)
    {
        if (!StreamChannelParser.TryParse(text, out var channel, out var invalid))
        {
            Fail(connection, text, invalid);
            return;
        }

        if (connection.Services.Access.Deny(connection.Principal, channel) is { } denied)
        {
            Fail(connection, text, denied);
            return;
        }

        switch (connection.Subscribe(channel))
        {
            case SubscribeOutcome.LimitReached:
                var max = connection.Services.MaxSubscriptions;
                Fail(connection, text, $"Subscription limit reached: a connection may subscribe to at most {max} channels; open another connection for more.");
                return;
            case SubscribeOutcome.Added:
                connection.Hub.RecordSubscribed();
                break;
        }

        connection.Enqueue(StreamFrames.Subscribed(text));
    }

    private static void Unsubscribe(StreamConnection connection, string text)
    {
        if (connection.Unsubscribe(StreamChannelParser.KeyOf(text)))
        {
            connection.Hub.RecordUnsubscribed();
        }

        connection.Enqueue(StreamFrames.Unsubscribed(text));
    }

    private static void Fail(StreamConnection connection, string text, string detail)
    {
        connection.Hub.RecordSubscribeFailed();
        connection.Enqueue(StreamFrames.SubscribeFailed(text, detail));
    }
}
