using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Threading.Channels;
using Conduit.Sandbox.Auth;

namespace Conduit.Sandbox.Streaming;

/// <summary>
/// One accepted WebSocket connection. A receive loop reads the client's subscribe and unsubscribe
/// messages; a ticker adds periodic events; a send loop owns every send (acknowledgements, data, the
/// close frame) and applies the stream faults. Between them sits a bounded send queue that drops
/// its oldest frame when a slow client lets it fill, so no client can grow the server's memory.
/// </summary>
internal sealed class StreamConnection
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);
    private readonly WebSocket socket;
    private readonly Channel<byte[]> queue;
    private readonly Lock gate = new();
    private readonly Dictionary<string, StreamSubscription> subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource cancel = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StreamSubscription[] snapshot = [];
    private volatile bool closing;
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private string? closeDescription;

    public StreamConnection(WebSocket socket, SandboxPrincipal principal, string path, MistSandboxStreams hub, StreamServices services)
    {
        this.socket = socket;
        Principal = principal;
        Path = path;
        Hub = hub;
        Services = services;
        var options = new BoundedChannelOptions(services.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true };
        queue = Channel.CreateBounded<byte[]>(options, _ => hub.RecordDropped());
    }

    public SandboxPrincipal Principal { get; }

    /// <summary>The handshake path, which stream fault rules are matched against.</summary>
    public string Path { get; }

    public MistSandboxStreams Hub { get; }

    public StreamServices Services { get; }

    /// <summary>Completes when <see cref="RunAsync"/> has ended.</summary>
    public Task Completion => completion.Task;

    /// <summary>The subscriptions now (a snapshot, safe to enumerate).</summary>
    public StreamSubscription[] Subscriptions => Volatile.Read(ref snapshot);

    public bool TryGetSubscription(string key, [NotNullWhen(true)] out StreamSubscription? subscription)
    {
        lock (gate)
        {
            return subscriptions.TryGetValue(key, out subscription);
        }
    }

    public SubscribeOutcome Subscribe(StreamChannel channel)
    {
        lock (gate)
        {
            if (subscriptions.ContainsKey(channel.Key))
            {
                return SubscribeOutcome.AlreadySubscribed;
            }

            if (subscriptions.Count >= Services.MaxSubscriptions)
            {
                return SubscribeOutcome.LimitReached;
            }

            var subscription = new StreamSubscription(channel);
            subscriptions.Add(channel.Key, subscription);
            Volatile.Write(ref snapshot, [.. snapshot, subscription]);
            return SubscribeOutcome.Added;
        }
    }

    public bool Unsubscribe(string key)
    {
        lock (gate)
        {
            if (!subscriptions.Remove(key, out var removed))
            {
                return false;
            }

            Volatile.Write(ref snapshot, Array.FindAll(snapshot, s => !ReferenceEquals(s, removed)));
            return true;
        }
    }

    /// <summary>Queues a frame; when the queue is full the oldest waiting frame is dropped.</summary>
    public void Enqueue(byte[] frame) => queue.Writer.TryWrite(frame);

    /// <summary>Asks the send loop to send a close frame (after the frame it is sending) and stop.</summary>
    public void Close(WebSocketCloseStatus status, string? description)
    {
        lock (gate)
        {
            if (closing)
            {
                return;
            }

            closeStatus = status;
            closeDescription = description;
            closing = true;
        }

        queue.Writer.TryComplete();
    }

    /// <summary>Drops the connection at once, without a close handshake.</summary>
    public void Abort()
    {
        closing = true;
        socket.Abort();
        queue.Writer.TryComplete();
        cancel.Cancel();
    }

    /// <summary>Serves the connection until the client closes it, it breaks, or the sandbox stops.</summary>
    public async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            await ServeAsync(aborted).ConfigureAwait(false);
        }
        finally
        {
            completion.TrySetResult();
        }
    }

    private async Task ServeAsync(CancellationToken aborted)
    {
        using var registration = aborted.Register(static state => ((StreamConnection)state!).Abort(), this);
        var token = cancel.Token;
        var ticking = TickLoopAsync(token);
        var sending = SendLoopAsync(token);
        var receiving = ReceiveLoopAsync(token);
        await Task.WhenAny(receiving, sending).ConfigureAwait(false);
        Close(WebSocketCloseStatus.NormalClosure, null);
        await sending.ConfigureAwait(false);
        if (socket.State == WebSocketState.CloseSent)
        {
            // The server closed first: give the client a moment to answer, so the close handshake completes.
            await Task.WhenAny(receiving, Task.Delay(CloseGrace, TimeProvider.System, token)).ConfigureAwait(false);
        }

        await cancel.CancelAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(false);
        await ticking.ConfigureAwait(false);
    }

    private async Task SendLoopAsync(CancellationToken token)
    {
        var reader = queue.Reader;
        try
        {
            while (!closing && await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (!closing && reader.TryRead(out var frame))
                {
                    if (!await SendAsync(frame, token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(closeStatus, closeDescription, token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection broke or was aborted.
        }
    }

    /// <summary>Sends one frame, applying a stream fault if a rule hits it; false when the connection was dropped.</summary>
    private async ValueTask<bool> SendAsync(byte[] frame, CancellationToken token)
    {
        ReadOnlyMemory<byte> bytes = frame;
        if (Services.Faults.DecideFrame(Path) is { } fault)
        {
            Hub.RecordFault(fault.Kind);
            switch (fault.Kind)
            {
                case MistSandboxFaultKind.StreamDrop:
                    Abort();
                    return false;
                case MistSandboxFaultKind.StreamStall:
                    await Task.Delay(fault.Delay, Services.Time, token).ConfigureAwait(false);
                    break;
                case MistSandboxFaultKind.StreamMalformed:
                    bytes = frame.AsMemory(0, HalfOnCharBoundary(frame));
                    break;
            }
        }

        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        Hub.RecordSent();
        return true;
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var message = new ArrayBufferWriter<byte>(1024);
        var tooLarge = false;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(WebSocketCloseStatus.NormalClosure, null);
                    return;
                }

                tooLarge |= message.WrittenCount + result.Count > StreamServices.MaxClientMessageBytes;
                if (!tooLarge)
                {
                    message.Write(buffer.AsSpan(0, result.Count));
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    StreamClientMessages.Reject(this, "Binary messages are not supported; send JSON text messages.");
                }
                else if (tooLarge)
                {
                    StreamClientMessages.Reject(this, $"Message too large: at most {StreamServices.MaxClientMessageBytes} bytes.");
                }
                else
                {
                    StreamClientMessages.Handle(this, message.WrittenMemory);
                }

                message.ResetWrittenCount();
                tooLarge = false;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away, or the connection was aborted.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task TickLoopAsync(CancellationToken token)
    {
        if (Services.Interval == TimeSpan.Zero)
        {
            return;
        }

        // Created before the first await, so a fake clock advanced after the handshake ticks it.
        using var timer = new PeriodicTimer(Services.Interval, Services.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                foreach (var subscription in Subscriptions)
                {
                    if (closing)
                    {
                        return;
                    }

                    if (subscription.Channel.IsPeriodic && Services.Payloads.Next(subscription.Channel, subscription.NextSequence()) is { } payload)
                    {
                        Enqueue(StreamFrames.Data(subscription.Channel.Text, payload));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    /// <summary>About half the frame's length, never inside a UTF-8 sequence (the frame stays valid UTF-8 text).</summary>
    private static int HalfOnCharBoundary(byte[] frame)
    {
        var cut = Math.Max(1, frame.Length / 2);
        while (cut > 1 && (frame[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }
}
