using System.Text.Json.Serialization;

namespace Conduit.Mist.Streaming;

/// <summary>A client message: <c>{"subscribe": "&lt;channel&gt;"}</c> or <c>{"unsubscribe": "&lt;channel&gt;"}</c>.</summary>
internal sealed record MistStreamCommand(
    [property: JsonPropertyName("subscribe")] string? Subscribe,
    [property: JsonPropertyName("unsubscribe")] string? Unsubscribe)
{
    public static MistStreamCommand SubscribeTo(string channel) => new(channel, null);

    public static MistStreamCommand UnsubscribeFrom(string channel) => new(null, channel);
}
