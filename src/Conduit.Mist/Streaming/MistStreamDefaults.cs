namespace Conduit.Mist.Streaming;

/// <summary>The defaults of <see cref="MistStreamOptions"/>.</summary>
public static class MistStreamDefaults
{
    /// <summary>Interval of WebSocket keep-alive pings: 60 s.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(60);

    /// <summary>How long a ping may go unanswered before the connection counts as lost: 30 s.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay: 1 s.</summary>
    public static readonly TimeSpan ReconnectInitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Largest reconnect delay: 60 s.</summary>
    public static readonly TimeSpan ReconnectMaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>Factor between successive reconnect delays: 2.</summary>
    public const double ReconnectBackoffFactor = 2;

    /// <summary>Handshake timeout: 30 s.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the close handshake may take before the socket is aborted: 5 s.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a subscription may wait for its acknowledgement before it is reported: 30 s.</summary>
    public static readonly TimeSpan SubscribeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Channels per connection, Mist's limit: 2000.</summary>
    public const int MaxChannelsPerConnection = 2000;

    /// <summary>Items the event buffer holds: 10 000.</summary>
    public const int EventBufferCapacity = 10_000;
}
