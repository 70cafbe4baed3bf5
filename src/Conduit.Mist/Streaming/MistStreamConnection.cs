using System.Net.WebSockets;
using System.Text.Json;

namespace Conduit.Mist.Streaming;

/// <summary>
/// One WebSocket of a stream and the channels it holds (at most <see cref="MistStreamOptions.MaxChannelsPerConnection"/>):
/// connects, subscribes every channel, reads frames, and after a drop reconnects with backoff and subscribes again.
/// </summary>
internal sealed partial class MistStreamConnection(MistStreamEngine engine, int index)
{
    private const int InitialBufferSize = 16 * 1024;
    private readonly Dictionary<string, MistStreamSubscription> subscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TaskCompletionSource> unsubscribing = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly TaskCompletionSource firstOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? socket;
    private Task run = Task.CompletedTask;
    private volatile bool closing;

    public int Index { get; } = index;

    /// <summary>Completes when the connection first opens; fails when the stream stops before.</summary>
    public Task FirstOpen => firstOpen.Task;

    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return socket is not null;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return subscriptions.Count;
            }
        }
    }

    public int ActiveCount
    {
        get
        {
            lock (gate)
            {
                return socket is null ? 0 : subscriptions.Values.Count(s => s.IsActive);
            }
        }
    }

    public void Start(CancellationToken stopping) => run = Task.Run(() => RunAsync(stopping), CancellationToken.None);

    /// <summary>The subscription of <paramref name="path"/>, or null.</summary>
    public MistStreamSubscription? Find(string path)
    {
        lock (gate)
        {
            return subscriptions.GetValueOrDefault(path);
        }
    }

    /// <summary>Adds a channel; sends its subscription at once when the connection is open.</summary>
    public MistStreamSubscription Add(MistChannel channel)
    {
        MistStreamSubscription subscription;
        bool send;
        lock (gate)
        {
            subscription = new MistStreamSubscription(channel);
            subscriptions[channel.Path] = subscription;
            send = socket is not null;
            if (send)
            {
                subscription.MarkRequested(engine.Time.GetTimestamp());
            }
        }

        if (send)
        {
            _ = SendAsync(MistStreamCommand.SubscribeTo(channel.Path));
        }

        return subscription;
    }

    /// <summary>Removes a channel; when open, sends the unsubscription and returns a task that completes on its acknowledgement.</summary>
    public Task Remove(string path)
    {
        TaskCompletionSource? wait = null;
        lock (gate)
        {
            if (subscriptions.Remove(path, out var subscription))
            {
                subscription.Acknowledged.TrySetCanceled();
            }

            if (socket is not null)
            {
                wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                unsubscribing[path] = wait;
            }
        }

        if (wait is null)
        {
            return Task.CompletedTask;
        }

        _ = SendAsync(MistStreamCommand.UnsubscribeFrom(path));
        return wait.Task;
    }

    /// <summary>The pending subscriptions older than <paramref name="timeout"/> not reported yet (they are marked reported).</summary>
    public List<MistStreamSubscription> TakeOverdue(TimeSpan timeout)
    {
        var overdue = new List<MistStreamSubscription>();
        lock (gate)
        {
            foreach (var subscription in subscriptions.Values)
            {
                if (subscription is { RequestedAt: { } at, TimeoutReported: false } && engine.Time.GetElapsedTime(at) >= timeout)
                {
                    subscription.TimeoutReported = true;
                    overdue.Add(subscription);
                }
            }
        }

        return overdue;
    }

    /// <summary>Sends the close frame, waits for the server's (up to the close timeout), then ends the connection.</summary>
    public async Task CloseAsync()
    {
        closing = true;
        ClientWebSocket? open;
        lock (gate)
        {
            open = socket;
        }

        if (open is { State: WebSocketState.Open })
        {
            try
            {
                using var timeout = new CancellationTokenSource(engine.Options.CloseTimeout, engine.Time);
                await sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await open.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Client closing.", timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    sendLock.Release();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                open.Abort();
            }
        }

        try
        {
            await run.WaitAsync(engine.Options.CloseTimeout, engine.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            open?.Abort();
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var stopped = new ObjectDisposedException(nameof(MistStream), "The stream stopped.");
        firstOpen.TrySetException(stopped);
        lock (gate)
        {
            foreach (var subscription in subscriptions.Values)
            {
                subscription.Acknowledged.TrySetException(stopped);
            }
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        var opened = false;
        while (!stopping.IsCancellationRequested && !closing)
        {
            var (ws, failure) = await engine.ConnectAsync(Index, stopping).ConfigureAwait(false);
            if (ws is null)
            {
                if (failure is null)
                {
                    break; // stopping
                }

                failures++;
                if (!ShouldRetry(failure, failures, out var delay))
                {
                    return;
                }

                if (!await engine.DelayAsync(Index, delay, failures, stopping).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            failures = 0;
            var reconnect = await ServeAsync(ws, opened, stopping).ConfigureAwait(false);
            opened = true;
            if (!reconnect)
            {
                break;
            }

            if (!await engine.DelayAsync(Index, engine.Backoff.Delay(0), 0, stopping).ConfigureAwait(false))
            {
                break;
            }
        }

        firstOpen.TrySetException(new ObjectDisposedException(nameof(MistStream), "The stream stopped before the connection opened."));
        if (!stopping.IsCancellationRequested && !closing)
        {
            engine.ConnectionEnded();
        }
    }

    private bool ShouldRetry(MistStreamException failure, int failures, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (failure.Kind == MistStreamErrorKind.Unauthorized)
        {
            Fail(failure);
            return false;
        }

        if (engine.Options.MaxReconnectAttempts is { } max && failures >= max)
        {
            Fail(new MistStreamException(MistStreamErrorKind.ReconnectAttemptsExhausted, $"{failures} consecutive connection attempts failed; the last: {failure.Message}", failure)
            {
                Connection = Index,
                StatusCode = failure.StatusCode,
            });
            return false;
        }

        delay = failure.Kind == MistStreamErrorKind.RateLimited && failure.RetryAfter is { } retryAfter ? retryAfter : engine.Backoff.Delay(failures - 1);
        engine.Report(new MistStreamException(failure.Kind, failure.Message, failure.InnerException)
        {
            Connection = Index,
            StatusCode = failure.StatusCode,
            RetryAfter = delay,
        });
        return true;
    }

    private void Fail(MistStreamException error)
    {
        firstOpen.TrySetException(error);
        engine.Fail(error);
    }

    /// <summary>Serves an open socket until it closes; returns whether to reconnect.</summary>
    private async Task<bool> ServeAsync(ClientWebSocket ws, bool reconnect, CancellationToken stopping)
    {
        MistStreamSubscription[] channels;
        lock (gate)
        {
            socket = ws;
            var now = engine.Time.GetTimestamp();
            channels = [.. subscriptions.Values];
            foreach (var subscription in channels)
            {
                subscription.MarkRequested(now);
            }
        }

        engine.Opened(Index, reconnect, channels.Length);
        firstOpen.TrySetResult();
        var receive = ReceiveAsync(ws);
        foreach (var subscription in channels)
        {
            if (!await SendAsync(MistStreamCommand.SubscribeTo(subscription.Path)).ConfigureAwait(false))
            {
                break;
            }
        }

        var (status, description) = await receive.ConfigureAwait(false);
        TaskCompletionSource[] waiting;
        lock (gate)
        {
            socket = null;
            foreach (var subscription in subscriptions.Values)
            {
                subscription.MarkDisconnected();
            }

            waiting = [.. unsubscribing.Values];
            unsubscribing.Clear();
        }

        foreach (var wait in waiting)
        {
            wait.TrySetResult();
        }

        ws.Dispose();
        var stopped = stopping.IsCancellationRequested || closing;
        var again = !stopped && engine.Options.AutoReconnect;
        if (!stopped)
        {
            engine.Report(new MistStreamException(MistStreamErrorKind.ConnectionLost, $"Stream connection {Index} was lost: {description ?? status?.ToString() ?? "no reason given"}.")
            {
                Connection = Index,
            });
        }

        engine.Closed(new MistStreamClosed(Index, status, description, again));
        return again;
    }

    /// <summary>Sends a client message on the open socket; returns false when there is none or it broke (the receive loop then ends).</summary>
    private async Task<bool> SendAsync(MistStreamCommand command)
    {
        ClientWebSocket? ws;
        lock (gate)
        {
            ws = socket;
        }

        if (ws is null)
        {
            return false;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(command, MistStreamJsonContext.Default.MistStreamCommand);
        try
        {
            await sendLock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (ws.State != WebSocketState.Open)
                {
                    return false;
                }

                await ws.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            MistStreamLog.SendFailed(engine.Logger, Index, ex.Message);
            return false;
        }
    }
}
