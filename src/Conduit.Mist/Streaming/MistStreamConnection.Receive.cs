using System.Buffers;
using System.Net.WebSockets;

namespace Conduit.Mist.Streaming;

/// <summary>The receiving half of a connection: reads whole messages, answers the close handshake, and reads each frame's meaning.</summary>
internal sealed partial class MistStreamConnection
{
    private async Task<(WebSocketCloseStatus? Status, string? Description)> ReceiveAsync(ClientWebSocket ws)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await ws.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await AnswerCloseAsync(ws).ConfigureAwait(false);
                        return (ws.CloseStatus, ws.CloseStatusDescription);
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage);

                var (value, error) = Handle(buffer.AsSpan(0, length), result.MessageType);
                if (value is not null)
                {
                    await engine.Dispatcher.PublishAsync(MistStreamNotification.Of(value)).ConfigureAwait(false);
                }

                if (error is not null)
                {
                    engine.Report(error);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            return (null, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task AnswerCloseAsync(ClientWebSocket ws)
    {
        if (ws.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(engine.Options.CloseTimeout, engine.Time);
            await sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            ws.Abort();
        }
    }

    /// <summary>Reads one frame: updates the subscriptions it acknowledges or refuses, and returns the event and/or the error to report.</summary>
    private (MistStreamEvent? Event, MistStreamException? Error) Handle(ReadOnlySpan<byte> frame, WebSocketMessageType type)
    {
        engine.CountFrame();
        string? problem = null;
        var value = type == WebSocketMessageType.Text
            ? MistStreamFrameParser.Parse(frame, Index, engine.Time.GetUtcNow(), out problem)
            : null;
        if (value is null)
        {
            engine.CountMalformed();
            return (null, new MistStreamException(MistStreamErrorKind.MalformedFrame, problem ?? $"A {type} frame ({frame.Length} bytes) was received; the stream sends text.") { Connection = Index });
        }

        switch (value.Kind)
        {
            case MistStreamEventKind.Data:
                engine.CountEvent(Index);
                return (value, null);
            case MistStreamEventKind.Subscribed when value.Channel is { } channel:
                lock (gate)
                {
                    if (subscriptions.TryGetValue(channel, out var subscription))
                    {
                        subscription.MarkActive();
                    }
                }

                return (value, null);
            case MistStreamEventKind.SubscribeFailed when value.Channel is { } channel:
                var failure = new MistStreamException(MistStreamErrorKind.SubscribeFailed, $"Subscribing to {channel} failed: {value.Detail}")
                {
                    Channel = channel,
                    Detail = value.Detail,
                    Connection = Index,
                };
                MistStreamSubscription? refused;
                lock (gate)
                {
                    subscriptions.Remove(channel, out refused);
                }

                if (refused is not null)
                {
                    engine.Forget(refused.Path);
                    refused.Acknowledged.TrySetException(failure);
                }

                return (value, failure);
            case MistStreamEventKind.Unsubscribed when value.Channel is { } channel:
                TaskCompletionSource? wait;
                lock (gate)
                {
                    unsubscribing.Remove(channel, out wait);
                }

                wait?.TrySetResult();
                return (value, null);
            case MistStreamEventKind.Error:
                return (value, new MistStreamException(MistStreamErrorKind.ServerError, $"The server reported an error: {value.Detail}") { Detail = value.Detail, Connection = Index });
            default:
                return (value, null);
        }
    }
}
