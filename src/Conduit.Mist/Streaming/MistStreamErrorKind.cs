namespace Conduit.Mist.Streaming;

/// <summary>What went wrong, in a <see cref="MistStreamException"/>.</summary>
public enum MistStreamErrorKind
{
    /// <summary>A frame was not valid JSON, not an object, or not UTF-8 text; it is skipped and the stream goes on.</summary>
    MalformedFrame,

    /// <summary>The server sent an <c>error</c> frame (it rejected a client message); the stream goes on.</summary>
    ServerError,

    /// <summary>A subscription was refused (<c>subscribe_failed</c>); the channel is dropped from the stream.</summary>
    SubscribeFailed,

    /// <summary>A subscription was not acknowledged within <see cref="MistStreamOptions.SubscribeTimeout"/>; it stays requested.</summary>
    SubscribeTimeout,

    /// <summary>The handshake failed (network error, timeout, unexpected status); the stream retries with backoff.</summary>
    ConnectFailed,

    /// <summary>The handshake was answered 429; the stream waits for <c>Retry-After</c> (or its backoff) and retries.</summary>
    RateLimited,

    /// <summary>The handshake was answered 401 or 403; the stream stops (retrying cannot help).</summary>
    Unauthorized,

    /// <summary>An open connection was lost; the stream reconnects unless <see cref="MistStreamOptions.AutoReconnect"/> is off.</summary>
    ConnectionLost,

    /// <summary><see cref="MistStreamOptions.MaxReconnectAttempts"/> consecutive attempts failed; the stream stops.</summary>
    ReconnectAttemptsExhausted,

    /// <summary>A user callback threw; the exception is the inner exception and the stream goes on.</summary>
    CallbackFailed,
}
