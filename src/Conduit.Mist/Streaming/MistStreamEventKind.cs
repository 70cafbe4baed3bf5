namespace Conduit.Mist.Streaming;

/// <summary>The kind of a frame the Mist stream sent (its <c>event</c> field).</summary>
public enum MistStreamEventKind
{
    /// <summary>A frame with an <c>event</c> this client does not know; see <see cref="MistStreamEvent.EventName"/>.</summary>
    Other,

    /// <summary><c>data</c>: an event on a subscribed channel; the payload is in <see cref="MistStreamEvent.Data"/>.</summary>
    Data,

    /// <summary><c>channel_subscribed</c>: a subscription was acknowledged.</summary>
    Subscribed,

    /// <summary><c>channel_unsubscribed</c>: an unsubscription was acknowledged.</summary>
    Unsubscribed,

    /// <summary><c>subscribe_failed</c>: a subscription was refused; the reason is in <see cref="MistStreamEvent.Detail"/>.</summary>
    SubscribeFailed,

    /// <summary><c>error</c>: the server rejected a client message; the reason is in <see cref="MistStreamEvent.Detail"/>.</summary>
    Error,
}
