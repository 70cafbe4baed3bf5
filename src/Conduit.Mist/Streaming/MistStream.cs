using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Streaming;

/// <summary>
/// A client of the Mist WebSocket stream (<c>wss://api-ws.&lt;cloud&gt;/api-ws/v1/stream</c>): subscribes to channels,
/// keeps the connection alive (pings), reconnects with exponential backoff and jitter after a drop and subscribes every
/// channel again, and spreads more than 2000 channels over several connections. Events are delivered in three styles:
/// callbacks (<see cref="OnMessage(Action{MistStreamEvent})"/> and friends), <see cref="ReadAllAsync"/>, and the
/// blocking <see cref="RunAsync"/>/<see cref="Run"/>. Callbacks and readers are fed from a bounded buffer by one
/// dispatcher task, so they never hold up the receive loop (see <see cref="MistStreamOverflowPolicy"/>).
/// </summary>
/// <example>
/// <code>
/// await using var stream = new MistStream(new MistStreamOptions
/// {
///     Url = MistCloud.Global01.WebSocketUri,
///     Credentials = MistStreamCredentials.Token(apiToken),
/// });
/// stream.Subscribe(MistChannel.SiteDeviceStats(siteId));
/// await foreach (var e in stream.ReadAllAsync(cancellationToken))
/// {
///     if (e.Kind == MistStreamEventKind.Data) Console.WriteLine(e.Data.GetProperty("mac"));
/// }
/// </code>
/// </example>
public sealed class MistStream : IAsyncDisposable
{
    private readonly MistStreamEngine engine;

    /// <summary>Creates a stream (not connected yet) from a copy of <paramref name="options"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid (every problem listed).</exception>
    public MistStream(MistStreamOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        engine = new MistStreamEngine(options, loggerFactory, meterFactory);
    }

    /// <summary>The channels held (requested and not refused), sorted.</summary>
    public IReadOnlyList<MistChannel> Channels => engine.Channels;

    /// <summary>How many connections the stream uses (one per <see cref="MistStreamOptions.MaxChannelsPerConnection"/> channels).</summary>
    public int ConnectionCount => engine.ConnectionCount;

    /// <summary>A snapshot of the stream's counters.</summary>
    public MistStreamStatistics Statistics => engine.Statistics;

    /// <summary>Completes when the stream has stopped (by <see cref="StopAsync"/>, dispose, or a fatal error, which it then carries).</summary>
    public Task Completion => engine.Completion;

    /// <summary>Registers a callback for each connection that opens (reconnects included).</summary>
    public MistStream OnOpen(Action<MistStreamOpened> callback)
    {
        engine.Dispatcher.AddOpen(callback);
        return this;
    }

    /// <summary>Registers a callback for every frame received (data events, acknowledgements, refusals, server errors), in order.</summary>
    public MistStream OnMessage(Action<MistStreamEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        engine.Dispatcher.AddMessage((e, _) =>
        {
            callback(e);
            return ValueTask.CompletedTask;
        });
        return this;
    }

    /// <summary>Registers an asynchronous callback for every frame received; the token is cancelled when the stream gives up waiting on callbacks at stop.</summary>
    public MistStream OnMessage(Func<MistStreamEvent, CancellationToken, ValueTask> callback)
    {
        engine.Dispatcher.AddMessage(callback);
        return this;
    }

    /// <summary>Registers a callback for errors: malformed frames, refusals, unacknowledged subscriptions, lost connections, failed handshakes, failing callbacks.</summary>
    public MistStream OnError(Action<MistStreamException> callback)
    {
        engine.Dispatcher.AddError(callback);
        return this;
    }

    /// <summary>Registers a callback for each connection that closes or breaks.</summary>
    public MistStream OnClose(Action<MistStreamClosed> callback)
    {
        engine.Dispatcher.AddClose(callback);
        return this;
    }

    /// <summary>
    /// Adds channels (a channel already held, in any letter case, is kept once). Before the stream starts they are
    /// subscribed when it connects; afterwards at once. Refusals are reported through <see cref="OnError"/>.
    /// </summary>
    public MistStream Subscribe(params IEnumerable<MistChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels)
        {
            engine.Subscribe(channel);
        }

        return this;
    }

    /// <summary>Adds a channel and waits until the server acknowledges it (after the stream starts, if it has not yet).</summary>
    /// <exception cref="MistStreamException">The subscription was refused (<see cref="MistStreamErrorKind.SubscribeFailed"/>) or not acknowledged in time (<see cref="MistStreamErrorKind.SubscribeTimeout"/>).</exception>
    public Task SubscribeAsync(MistChannel channel, CancellationToken cancellationToken = default)
        => engine.Subscribe(channel).Acknowledged.Task.WaitAsync(cancellationToken);

    /// <summary>Drops channels (without waiting for the server).</summary>
    public MistStream Unsubscribe(params IEnumerable<MistChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels)
        {
            _ = engine.Unsubscribe(channel);
        }

        return this;
    }

    /// <summary>Drops a channel and waits for the server's acknowledgement (returns at once when not connected).</summary>
    public Task UnsubscribeAsync(MistChannel channel, CancellationToken cancellationToken = default)
        => engine.Unsubscribe(channel).WaitAsync(cancellationToken);

    /// <summary>
    /// Connects (one connection per <see cref="MistStreamOptions.MaxChannelsPerConnection"/> channels) and returns when every
    /// connection is open; handshakes answered 429 are retried after <c>Retry-After</c>, other failures with backoff.
    /// Calling it again waits for the same start.
    /// </summary>
    /// <exception cref="MistStreamException">The handshake was refused (401/403) or <see cref="MistStreamOptions.MaxReconnectAttempts"/> were used up.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => engine.StartAsync(cancellationToken);

    /// <inheritdoc cref="StartAsync"/>
    /// <remarks>
    /// .NET's WebSocket client has no synchronous API, so this blocks the calling thread until <see cref="StartAsync"/>
    /// completes (its work runs on the thread pool; the stream captures no synchronization context, so this does not
    /// deadlock a UI or classic ASP.NET thread). Prefer <see cref="StartAsync"/> where the caller can await.
    /// </remarks>
    public void Start(CancellationToken cancellationToken = default) => StartAsync(cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// Every frame from now on, as it arrives, until the stream stops (then the sequence ends; after a fatal error it
    /// throws that <see cref="MistStreamException"/>). Starts the stream if needed. Several readers each get every
    /// frame; cancelling a reader does not stop the stream.
    /// </summary>
    public async IAsyncEnumerable<MistStreamEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = engine.Dispatcher.AddReader();
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var value in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return value;
            }
        }
        finally
        {
            engine.Dispatcher.RemoveReader(reader);
        }
    }

    /// <summary>
    /// Starts the stream if needed and runs it until <paramref name="cancellationToken"/> is cancelled (then closes it
    /// cleanly and returns) or the stream stops.
    /// </summary>
    /// <exception cref="MistStreamException">The stream stopped because of a fatal error.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            await engine.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="RunAsync"/>
    /// <remarks>Blocks the calling thread until <see cref="RunAsync"/> completes (see <see cref="Start"/>).</remarks>
    public void Run(CancellationToken cancellationToken = default) => RunAsync(cancellationToken).GetAwaiter().GetResult();

    /// <summary>Closes every connection cleanly (close frame, the server's answer, then the socket) and delivers what is buffered.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => engine.StopAsync().WaitAsync(cancellationToken);

    /// <summary>Stops the stream (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await engine.StopAsync().ConfigureAwait(false);
    }
}
