using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Routing;
using Conduit.Sandbox.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conduit.Sandbox;

/// <summary>
/// The sandbox's WebSocket stream endpoint (<c>/api-ws/v1/stream</c>): server-side counts (so a test can
/// assert reconnects and re-subscriptions), the live channels, and ways to push events or drop every
/// connection. The protocol is described in <c>docs/sandbox-streaming.md</c>.
/// </summary>
public sealed partial class MistSandboxStreams
{
    /// <summary>The path of the stream endpoint.</summary>
    public const string StreamPath = "/api-ws/v1/stream";

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<StreamConnection, byte> live = new();
    private readonly StreamServices services;
    private long connectionsAccepted;
    private long subscriptions;
    private long unsubscriptions;
    private long subscribeFailures;
    private long framesSent;
    private long framesDropped;
    private long clientErrors;
    private long faultsInjected;
    private int active;

    internal MistSandboxStreams(StreamServices services) => this.services = services;

    /// <summary>WebSocket connections accepted (upgraded) since start or <see cref="ResetCounters"/>.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref connectionsAccepted);

    /// <summary>WebSocket connections open now.</summary>
    public int ActiveConnections => Volatile.Read(ref active);

    /// <summary>Subscriptions made (acknowledged with <c>channel_subscribed</c>; a repeat on the same connection is not counted).</summary>
    public long Subscriptions => Interlocked.Read(ref subscriptions);

    /// <summary>Subscriptions removed by an <c>unsubscribe</c> message.</summary>
    public long Unsubscriptions => Interlocked.Read(ref unsubscriptions);

    /// <summary>Subscribe requests answered with <c>subscribe_failed</c>.</summary>
    public long SubscribeFailures => Interlocked.Read(ref subscribeFailures);

    /// <summary>Frames sent to clients (all kinds, spoiled ones included).</summary>
    public long FramesSent => Interlocked.Read(ref framesSent);

    /// <summary>Frames dropped because a connection's send queue was full (the oldest go first).</summary>
    public long FramesDropped => Interlocked.Read(ref framesDropped);

    /// <summary>Client messages answered with an <c>error</c> frame (invalid JSON, unknown message, binary, too large).</summary>
    public long ClientErrors => Interlocked.Read(ref clientErrors);

    /// <summary>Stream faults (drop, stall, malformed) injected into frames.</summary>
    public long FaultsInjected => Interlocked.Read(ref faultsInjected);

    /// <summary>How many subscriptions the open connections hold together.</summary>
    public int ActiveSubscriptions => live.Keys.Sum(c => c.Subscriptions.Length);

    /// <summary>The channels the open connections are subscribed to (each once, as the clients wrote them), sorted.</summary>
    public IReadOnlyList<string> ActiveChannels()
        => [.. live.Keys.SelectMany(c => c.Subscriptions).Select(s => s.Channel.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Sends a <c>data</c> frame with <paramref name="json"/> (sent as a JSON string, as Mist does) to every
    /// open connection subscribed to <paramref name="channel"/>; returns how many connections it was queued for.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON.</exception>
    public int Publish(string channel, string json)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(json);
        var payload = Encoding.UTF8.GetBytes(json);
        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The payload is not JSON: {ex.Message}", nameof(json), ex);
        }

        return PublishKey(StreamChannelParser.KeyOf(channel), () => payload);
    }

    /// <summary>Drops every open connection without a close handshake (as a network failure would); returns how many.</summary>
    public int DisconnectAll()
    {
        var count = 0;
        foreach (var connection in live.Keys)
        {
            connection.Abort();
            count++;
        }

        return count;
    }

    /// <summary>Sets every count to zero (open connections and their subscriptions stay).</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref connectionsAccepted, 0);
        Interlocked.Exchange(ref subscriptions, 0);
        Interlocked.Exchange(ref unsubscriptions, 0);
        Interlocked.Exchange(ref subscribeFailures, 0);
        Interlocked.Exchange(ref framesSent, 0);
        Interlocked.Exchange(ref framesDropped, 0);
        Interlocked.Exchange(ref clientErrors, 0);
        Interlocked.Exchange(ref faultsInjected, 0);
    }

    internal bool HasConnections => Volatile.Read(ref active) > 0;

    /// <summary>Upgrades an authenticated request and serves the connection until it ends.</summary>
    internal async Task AcceptAsync(HttpContext http, SandboxPrincipal principal, string path)
    {
        // Counted before the 101 goes out, so a client that sees its connection open sees it counted.
        Interlocked.Increment(ref connectionsAccepted);
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new StreamConnection(socket, principal, path, this, services);
        LogOpened(services.Logger);
        live[connection] = 0;
        Interlocked.Increment(ref active);
        try
        {
            await connection.RunAsync(http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            live.TryRemove(connection, out _);
            Interlocked.Decrement(ref active);
            LogClosed(services.Logger, connection.Subscriptions.Length);
        }
    }

    /// <summary>Queues a data frame for every connection subscribed to the channel <paramref name="key"/> (canonical form).</summary>
    internal int PublishKey(string key, Func<byte[]> payload)
    {
        byte[]? bytes = null;
        var count = 0;
        foreach (var connection in live.Keys)
        {
            if (connection.TryGetSubscription(key, out var subscription))
            {
                bytes ??= payload();
                connection.Enqueue(StreamFrames.Data(subscription.Channel.Text, bytes));
                count++;
            }
        }

        return count;
    }

    /// <summary>Emits the stream events of a successful REST write (see <see cref="StreamWriteEvents"/>).</summary>
    internal void PublishWrite(string method, RouteMatch route, byte[] answer)
    {
        if (HasConnections)
        {
            StreamWriteEvents.Publish(this, services.State, method, route, answer);
        }
    }

    /// <summary>Closes every connection with 1001 (going away), and aborts those still open after a short grace.</summary>
    internal async Task StopAsync()
    {
        foreach (var connection in live.Keys)
        {
            connection.Close(WebSocketCloseStatus.EndpointUnavailable, "The sandbox is stopping.");
        }

        try
        {
            await Task.WhenAll(live.Keys.Select(c => c.Completion)).WaitAsync(StopGrace, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            DisconnectAll();
        }
    }

    internal void RecordSent() => Interlocked.Increment(ref framesSent);

    internal void RecordDropped() => Interlocked.Increment(ref framesDropped);

    internal void RecordSubscribed() => Interlocked.Increment(ref subscriptions);

    internal void RecordUnsubscribed() => Interlocked.Increment(ref unsubscriptions);

    internal void RecordSubscribeFailed() => Interlocked.Increment(ref subscribeFailures);

    internal void RecordClientError() => Interlocked.Increment(ref clientErrors);

    internal void RecordFault(MistSandboxFaultKind kind)
    {
        Interlocked.Increment(ref faultsInjected);
        LogFault(services.Logger, kind);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Stream connection opened")]
    private static partial void LogOpened(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Stream connection closed with {Subscriptions} subscriptions")]
    private static partial void LogClosed(ILogger logger, int subscriptions);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Injected {Kind} into a stream frame")]
    private static partial void LogFault(ILogger logger, MistSandboxFaultKind kind);
}
