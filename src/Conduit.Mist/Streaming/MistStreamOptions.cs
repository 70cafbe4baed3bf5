using System.Net;
using System.Net.Security;
using Conduit.Mist.Clouds;

namespace Conduit.Mist.Streaming;

/// <summary>
/// Configures a <see cref="MistStream"/>. The stream copies the options when it is built (later changes have no
/// effect) and validates them then, reporting every problem in one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.
/// </summary>
/// <example>
/// <code>
/// var options = new MistStreamOptions
/// {
///     Url = MistCloud.Emea01.WebSocketUri,                        // wss://api-ws.eu.mist.com/api-ws/v1/stream
///     Credentials = MistStreamCredentials.Token(apiToken),
/// };
/// </code>
/// </example>
public sealed class MistStreamOptions
{
    /// <summary>The stream URL: <c>wss://api-ws.&lt;cloud&gt;/api-ws/v1/stream</c> (see <see cref="MistCloud.WebSocketUri"/>), or the sandbox's <c>ws://…</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The handshake's credentials: <see cref="MistStreamCredentials.Token"/> or <see cref="MistStreamCredentials.Cookies"/>. Required.</summary>
    public MistStreamCredentials? Credentials { get; set; }

    /// <summary>Validates the server certificate (for example to accept the sandbox's self-signed one); null uses the system's validation.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; set; }

    /// <summary>A proxy for the handshake; null uses the system default.</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>The clock for reconnect delays, <c>Retry-After</c> waits, the subscription watchdog and event timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Interval of WebSocket keep-alive pings (default 60 s); <see cref="TimeSpan.Zero"/> turns them off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = MistStreamDefaults.KeepAliveInterval;

    /// <summary>How long a ping may stay unanswered before the connection is treated as lost and reconnected (default 30 s).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = MistStreamDefaults.KeepAliveTimeout;

    /// <summary>Whether a dropped connection is reopened and its channels subscribed again (default true).</summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>Delay before the first reconnect attempt (default 1 s; zero reconnects at once). Attempt n waits <c>initial × factor^n</c>, capped, with jitter.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = MistStreamDefaults.ReconnectInitialDelay;

    /// <summary>Largest reconnect delay (default 60 s).</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = MistStreamDefaults.ReconnectMaxDelay;

    /// <summary>Factor between successive reconnect delays (default 2).</summary>
    public double ReconnectBackoffFactor { get; set; } = MistStreamDefaults.ReconnectBackoffFactor;

    /// <summary>Whether reconnect delays are randomised to between half and all of the computed delay (default true).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The jitter's random source (values in [0, 1)); null uses <see cref="Random.Shared"/>. For tests.</summary>
    public Func<double>? JitterSource { get; set; }

    /// <summary>Consecutive failed connection attempts after which the stream stops with an error; null (the default) retries forever.</summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>Handshake timeout (default 30 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = MistStreamDefaults.ConnectTimeout;

    /// <summary>How long closing may take (close frame sent, the server's awaited) before the socket is aborted (default 5 s).</summary>
    public TimeSpan CloseTimeout { get; set; } = MistStreamDefaults.CloseTimeout;

    /// <summary>
    /// How long a subscription may go unacknowledged before the watchdog reports it through
    /// <see cref="MistStream.OnError(Action{MistStreamException})"/> (default 30 s).
    /// </summary>
    public TimeSpan SubscribeTimeout { get; set; } = MistStreamDefaults.SubscribeTimeout;

    /// <summary>Channels per connection (default and Mist's limit: 2000); more channels open more connections.</summary>
    public int MaxChannelsPerConnection { get; set; } = MistStreamDefaults.MaxChannelsPerConnection;

    /// <summary>Items the event buffer holds between the receive loops and the consumers (default 10 000).</summary>
    public int EventBufferCapacity { get; set; } = MistStreamDefaults.EventBufferCapacity;

    /// <summary>What happens when the buffer is full: <see cref="MistStreamOverflowPolicy.DropOldest"/> (default) or <see cref="MistStreamOverflowPolicy.Wait"/>.</summary>
    public MistStreamOverflowPolicy OverflowPolicy { get; set; } = MistStreamOverflowPolicy.DropOldest;

    /// <summary>Options for a Mist cloud's stream (<see cref="MistCloud.WebSocketUri"/>) with the given credentials.</summary>
    public static MistStreamOptions ForCloud(MistCloud cloud, MistStreamCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(credentials);
        return new MistStreamOptions { Url = cloud.WebSocketUri, Credentials = credentials };
    }

    /// <summary>Every problem with these options (empty when they are valid).</summary>
    public IReadOnlyList<string> GetErrors() => MistStreamOptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> listing every problem, if there is any.</summary>
    public void Validate() => MistStreamOptionsValidation.ThrowIfInvalid(this);

    /// <summary>A copy, so a built stream never changes under its user.</summary>
    internal MistStreamOptions Copy() => (MistStreamOptions)MemberwiseClone();
}
