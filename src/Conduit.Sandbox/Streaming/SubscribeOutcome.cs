namespace Conduit.Sandbox.Streaming;

/// <summary>What adding a subscription to a connection did.</summary>
internal enum SubscribeOutcome
{
    /// <summary>The channel is now subscribed.</summary>
    Added,

    /// <summary>The channel was subscribed already (acknowledged again, not counted).</summary>
    AlreadySubscribed,

    /// <summary>The connection holds its maximum of channels.</summary>
    LimitReached,
}
