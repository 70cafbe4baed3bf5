using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Streaming;

/// <summary>
/// The bounded buffer between the receive loops and the consumers, and the one task that empties it: it calls the
/// callbacks in order and copies each event to every <see cref="MistStream.ReadAllAsync"/> reader. A slow callback
/// or reader therefore fills the buffer (then drops the oldest, or holds the receive loops under
/// <see cref="MistStreamOverflowPolicy.Wait"/>) but never runs on a receive loop.
/// </summary>
internal sealed class MistStreamDispatcher
{
    private readonly Channel<MistStreamNotification> buffer;
    private readonly MistStreamOverflowPolicy policy;
    private readonly int capacity;
    private readonly Action dropped;
    private readonly ILogger logger;
    private readonly CancellationTokenSource abort = new();
    private readonly Lock gate = new();
    private Action<MistStreamOpened>[] onOpen = [];
    private Func<MistStreamEvent, CancellationToken, ValueTask>[] onMessage = [];
    private Action<MistStreamException>[] onError = [];
    private Action<MistStreamClosed>[] onClose = [];
    private Channel<MistStreamEvent>[] readers = [];
    private Task? run;
    private bool drained;
    private Exception? fatal;

    public MistStreamDispatcher(int capacity, MistStreamOverflowPolicy policy, Action dropped, ILogger logger)
    {
        this.capacity = capacity;
        this.policy = policy;
        this.dropped = dropped;
        this.logger = logger;
        buffer = Channel.CreateBounded<MistStreamNotification>(Options(capacity, policy, singleWriter: false), _ => dropped());
    }

    public void AddOpen(Action<MistStreamOpened> callback) => Add(ref onOpen, callback);

    public void AddMessage(Func<MistStreamEvent, CancellationToken, ValueTask> callback) => Add(ref onMessage, callback);

    public void AddError(Action<MistStreamException> callback) => Add(ref onError, callback);

    public void AddClose(Action<MistStreamClosed> callback) => Add(ref onClose, callback);

    public void Start()
    {
        lock (gate)
        {
            run ??= Task.Run(RunAsync);
        }
    }

    /// <summary>Queues an item; under <see cref="MistStreamOverflowPolicy.Wait"/> waits for room.</summary>
    public ValueTask PublishAsync(MistStreamNotification item)
    {
        if (buffer.Writer.TryWrite(item) || policy == MistStreamOverflowPolicy.DropOldest)
        {
            return ValueTask.CompletedTask;
        }

        return WriteAsync(item);
    }

    /// <summary>Queues an item without waiting (for errors and state changes raised outside a receive loop).</summary>
    public void Post(MistStreamNotification item)
    {
        var pending = PublishAsync(item);
        if (!pending.IsCompleted)
        {
            _ = pending.AsTask();
        }
    }

    /// <summary>A new reader that receives every event from now on.</summary>
    public ChannelReader<MistStreamEvent> AddReader()
    {
        var reader = Channel.CreateBounded<MistStreamEvent>(Options(capacity, policy, singleWriter: true), _ => dropped());
        lock (gate)
        {
            if (drained)
            {
                reader.Writer.TryComplete(fatal);
                return reader.Reader;
            }

            readers = [.. readers, reader];
        }

        return reader.Reader;
    }

    public void RemoveReader(ChannelReader<MistStreamEvent> reader)
    {
        lock (gate)
        {
            var found = Array.Find(readers, r => r.Reader == reader);
            if (found is not null)
            {
                readers = [.. readers.Where(r => r != found)];
                found.Writer.TryComplete();
            }
        }
    }

    /// <summary>Accepts nothing more; what is queued is still delivered, then readers end (throwing <paramref name="error"/> if given).</summary>
    public void Complete(Exception? error)
    {
        lock (gate)
        {
            fatal ??= error;
        }

        buffer.Writer.TryComplete();
    }

    /// <summary>Waits until the queue is delivered; after <paramref name="grace"/> cancels the callbacks' token and stops waiting.</summary>
    public async Task DrainAsync(TimeSpan grace, TimeProvider time)
    {
        Task running;
        lock (gate)
        {
            running = run ?? Task.CompletedTask;
        }

        if (run is null)
        {
            FinishReaders();
        }

        try
        {
            await running.WaitAsync(grace, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await abort.CancelAsync().ConfigureAwait(false);
            FinishReaders();
        }
    }

    private static BoundedChannelOptions Options(int capacity, MistStreamOverflowPolicy policy, bool singleWriter) => new(capacity)
    {
        FullMode = policy == MistStreamOverflowPolicy.Wait ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
        SingleReader = true,
        SingleWriter = singleWriter,
        AllowSynchronousContinuations = false,
    };

    private void Add<T>(ref T[] callbacks, T callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (gate)
        {
            callbacks = [.. callbacks, callback];
        }
    }

    private async ValueTask WriteAsync(MistStreamNotification item)
    {
        try
        {
            await buffer.Writer.WriteAsync(item, abort.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            // The stream is stopping: nothing more is delivered.
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (await buffer.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (buffer.Reader.TryRead(out var item))
                {
                    await DeliverAsync(item).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            FinishReaders();
        }
    }

    private void FinishReaders()
    {
        Channel<MistStreamEvent>[] finished;
        lock (gate)
        {
            drained = true;
            finished = readers;
            readers = [];
        }

        foreach (var reader in finished)
        {
            reader.Writer.TryComplete(fatal);
        }
    }

    private async ValueTask DeliverAsync(MistStreamNotification item)
    {
        if (item.Event is { } value)
        {
            foreach (var callback in Volatile.Read(ref onMessage))
            {
                try
                {
                    await callback(value, abort.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    CallbackFailed(nameof(MistStream.OnMessage), ex);
                }
            }

            foreach (var reader in Volatile.Read(ref readers))
            {
                if (!reader.Writer.TryWrite(value) && policy == MistStreamOverflowPolicy.Wait)
                {
                    try
                    {
                        await reader.Writer.WriteAsync(value, abort.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
                    {
                        // The reader went away.
                    }
                }
            }
        }
        else if (item.Error is { } error)
        {
            foreach (var callback in Volatile.Read(ref onError))
            {
                Invoke(callback, error, nameof(MistStream.OnError));
            }
        }
        else if (item.Opened is { } opened)
        {
            foreach (var callback in Volatile.Read(ref onOpen))
            {
                Invoke(callback, opened, nameof(MistStream.OnOpen));
            }
        }
        else if (item.Closed is { } closed)
        {
            foreach (var callback in Volatile.Read(ref onClose))
            {
                Invoke(callback, closed, nameof(MistStream.OnClose));
            }
        }
    }

    private void Invoke<T>(Action<T> callback, T value, string name)
    {
        try
        {
            callback(value);
        }
        catch (Exception ex)
        {
            CallbackFailed(name, ex);
        }
    }

    private void CallbackFailed(string name, Exception ex)
    {
        MistStreamLog.CallbackFailed(logger, name, ex.GetType().Name);
        if (name == nameof(MistStream.OnError))
        {
            return;
        }

        var failure = new MistStreamException(MistStreamErrorKind.CallbackFailed, $"The {name} callback threw {ex.GetType().Name}.", ex);
        foreach (var callback in Volatile.Read(ref onError))
        {
            Invoke(callback, failure, nameof(MistStream.OnError));
        }
    }
}
