using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conduit.Mist.Streaming;

/// <summary>
/// The machinery behind <see cref="MistStream"/>: spreads channels over connections (at most
/// <see cref="MistStreamOptions.MaxChannelsPerConnection"/> each), makes handshakes, runs the subscription watchdog,
/// counts, and stops everything cleanly. Built from a copy of the options.
/// </summary>
internal sealed class MistStreamEngine
{
    private readonly Lock gate = new();
    private readonly List<MistStreamConnection> connections = [];
    private readonly Dictionary<string, MistStreamConnection> owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MistStreamInstruments instruments;
    private readonly MistStreamHandshake handshake;
    private Task? start;
    private Task? stop;
    private long framesReceived;
    private long eventsReceived;
    private long eventsDropped;
    private long malformedFrames;
    private long connectionsOpened;
    private long reconnects;
    private int openConnections;

    public MistStreamEngine(MistStreamOptions options, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        MistStreamOptionsValidation.ThrowIfInvalid(options);
        Options = options.Copy();
        Time = Options.TimeProvider;
        Logger = loggerFactory?.CreateLogger(MistStreamLog.Category) ?? NullLogger.Instance;
        instruments = MistStreamInstruments.Create(meterFactory);
        Backoff = new MistStreamBackoff(Options.ReconnectInitialDelay, Options.ReconnectMaxDelay, Options.ReconnectBackoffFactor, Options.UseJitter, Options.JitterSource);
        handshake = new MistStreamHandshake(Options, Logger);
        Dispatcher = new MistStreamDispatcher(Options.EventBufferCapacity, Options.OverflowPolicy, CountDropped, Logger);
    }

    public MistStreamOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public MistStreamBackoff Backoff { get; }

    public MistStreamDispatcher Dispatcher { get; }

    /// <summary>Completes when the stream has stopped; faulted with the error that stopped it.</summary>
    public Task Completion => completion.Task;

    public bool IsStarted => Volatile.Read(ref start) is not null;

    public bool IsStopped => Volatile.Read(ref stop) is not null;

    public IReadOnlyList<MistChannel> Channels
    {
        get
        {
            lock (gate)
            {
                return [.. owners.Keys.Order(StringComparer.Ordinal).Select(MistChannel.Raw)];
            }
        }
    }

    public int ConnectionCount
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    public MistStreamStatistics Statistics
    {
        get
        {
            MistStreamConnection[] all;
            int channels;
            lock (gate)
            {
                all = [.. connections];
                channels = owners.Count;
            }

            return new MistStreamStatistics(
                Interlocked.Read(ref framesReceived),
                Interlocked.Read(ref eventsReceived),
                Interlocked.Read(ref eventsDropped),
                Interlocked.Read(ref malformedFrames),
                Interlocked.Read(ref connectionsOpened),
                Interlocked.Read(ref reconnects),
                Volatile.Read(ref openConnections),
                channels,
                all.Sum(c => c.ActiveCount));
        }
    }

    /// <summary>Adds a channel to the first connection with room (a new one when all are full); a held channel is returned as is.</summary>
    public MistStreamSubscription Subscribe(MistChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        MistStreamConnection? created = null;
        MistStreamSubscription subscription;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stop is not null, typeof(MistStream));
            if (owners.TryGetValue(channel.Path, out var holder) && holder.Find(channel.Path) is { } held)
            {
                return held;
            }

            var connection = connections.Find(c => c.Count < Options.MaxChannelsPerConnection);
            if (connection is null)
            {
                connection = created = new MistStreamConnection(this, connections.Count);
                connections.Add(connection);
            }

            owners[channel.Path] = connection;
            subscription = connection.Add(channel);
            if (created is not null && start is not null)
            {
                created.Start(stopping.Token);
            }
        }

        return subscription;
    }

    /// <summary>Drops a channel; the task completes when the server acknowledged (at once when not connected).</summary>
    public Task Unsubscribe(MistChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        MistStreamConnection? holder;
        lock (gate)
        {
            owners.Remove(channel.Path, out holder);
        }

        return holder?.Remove(channel.Path) ?? Task.CompletedTask;
    }

    /// <summary>Opens the connections (one at least); completes when each is open, fails when the stream stops first.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Task started;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(start is null && stop is not null, typeof(MistStream));
            start ??= StartCoreAsync(); // after a fatal stop, the start task carries the error
            started = start;
        }

        return started.WaitAsync(cancellationToken);
    }

    public Task StopAsync() => StopCoreAsync(null);

    /// <summary>Stops the stream because of a fatal error (reported first).</summary>
    public void Fail(MistStreamException error)
    {
        Report(error);
        _ = StopCoreAsync(error);
    }

    /// <summary>Makes a handshake; returns the open socket, or the failure (null when stopping).</summary>
    public Task<(ClientWebSocket? Socket, MistStreamException? Failure)> ConnectAsync(int index, CancellationToken cancellationToken)
        => handshake.ConnectAsync(index, cancellationToken);

    /// <summary>Waits before a reconnect; false when the stream stopped meanwhile.</summary>
    public async Task<bool> DelayAsync(int index, TimeSpan delay, int attempt, CancellationToken cancellationToken)
    {
        MistStreamLog.Waiting(Logger, index, delay, attempt);
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
            }

            return !cancellationToken.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Report(MistStreamException error)
    {
        instruments.Errors.Add(1, new KeyValuePair<string, object?>(MistStreamTelemetry.ErrorKindTag, error.Kind.ToString()));
        MistStreamLog.Error(Logger, error.Kind, error.Connection, error.Message);
        Dispatcher.Post(MistStreamNotification.Of(error));
    }

    public void Opened(int index, bool reconnect, int channels)
    {
        Interlocked.Increment(ref connectionsOpened);
        Interlocked.Increment(ref openConnections);
        if (reconnect)
        {
            Interlocked.Increment(ref reconnects);
        }

        instruments.Connections.Add(1, new KeyValuePair<string, object?>(MistStreamTelemetry.ReconnectTag, reconnect));
        MistStreamLog.Opened(Logger, index, reconnect, channels);
        Dispatcher.Post(MistStreamNotification.Of(new MistStreamOpened(index, reconnect, channels)));
    }

    public void Closed(MistStreamClosed closed)
    {
        Interlocked.Decrement(ref openConnections);
        MistStreamLog.Closed(Logger, closed.Connection, closed.Status?.ToString() ?? "broken", closed.Description, closed.WillReconnect);
        Dispatcher.Post(MistStreamNotification.Of(closed));
    }

    /// <summary>A connection ended for good without a stop (reconnecting is off): the stream stops when none is left.</summary>
    public void ConnectionEnded()
    {
        lock (gate)
        {
            if (connections.Any(c => c.IsOpen))
            {
                return;
            }
        }

        _ = StopCoreAsync(null);
    }

    public void Forget(string path)
    {
        lock (gate)
        {
            owners.Remove(path);
        }
    }

    public void CountFrame() => Interlocked.Increment(ref framesReceived);

    public void CountMalformed() => Interlocked.Increment(ref malformedFrames);

    public void CountEvent(int connection)
    {
        Interlocked.Increment(ref eventsReceived);
        instruments.Events.Add(1, new KeyValuePair<string, object?>(MistStreamTelemetry.ConnectionTag, connection));
    }

    private void CountDropped()
    {
        Interlocked.Increment(ref eventsDropped);
        instruments.Dropped.Add(1);
    }

    private async Task StartCoreAsync()
    {
        Dispatcher.Start();
        MistStreamConnection[] initial;
        lock (gate)
        {
            if (connections.Count == 0)
            {
                connections.Add(new MistStreamConnection(this, 0));
            }

            initial = [.. connections];
            foreach (var connection in initial)
            {
                connection.Start(stopping.Token);
            }
        }

        _ = WatchdogAsync(stopping.Token);
        var opened = Task.WhenAll(initial.Select(c => c.FirstOpen));
        await Task.WhenAny(opened, completion.Task).ConfigureAwait(false);
        if (completion.Task.IsCompleted)
        {
            await completion.Task.ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(MistStream), "The stream was stopped while starting.");
        }

        await opened.ConfigureAwait(false);
    }

    private async Task WatchdogAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, Math.Min(Options.SubscribeTimeout.Ticks / 4, TimeSpan.FromSeconds(1).Ticks)));
        using var timer = new PeriodicTimer(period, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                MistStreamConnection[] all;
                lock (gate)
                {
                    all = [.. connections];
                }

                foreach (var subscription in all.SelectMany(c => c.TakeOverdue(Options.SubscribeTimeout)))
                {
                    var error = new MistStreamException(MistStreamErrorKind.SubscribeTimeout, $"Subscribing to {subscription.Path} was not acknowledged within {Options.SubscribeTimeout}.")
                    {
                        Channel = subscription.Path,
                    };
                    subscription.Acknowledged.TrySetException(error);
                    Report(error);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private Task StopCoreAsync(MistStreamException? error)
    {
        lock (gate)
        {
            stop ??= StopAllAsync(error);
            return stop;
        }
    }

    private async Task StopAllAsync(MistStreamException? error)
    {
        // Off the caller's thread, and never onto its synchronization context (Task.Yield would post there, which a
        // thread blocked in the synchronous Run would never run).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        await stopping.CancelAsync().ConfigureAwait(false);
        MistStreamConnection[] all;
        lock (gate)
        {
            all = [.. connections];
        }

        await Task.WhenAll(all.Select(c => c.CloseAsync())).ConfigureAwait(false);
        Dispatcher.Complete(error);
        await Dispatcher.DrainAsync(Options.CloseTimeout, Time).ConfigureAwait(false);
        if (error is null)
        {
            completion.TrySetResult();
        }
        else
        {
            completion.TrySetException(error);
        }
    }
}
