using System.Collections.Concurrent;

namespace Conduit.Http.Pipeline;

/// <summary>
/// The <see cref="CallTimeouts"/> of one client, reused across calls so that a call allocates neither a
/// cancellation source nor a timer. <see cref="Create"/> returns <see langword="null"/> when the client has no timeout.
/// </summary>
internal sealed class CallTimeoutsPool : IDisposable
{
    /// <summary>Idle objects kept; beyond that (more concurrent calls than this, then a lull) they are released.</summary>
    private const int MaxIdle = 1024;

    private readonly ConcurrentQueue<CallTimeouts> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    private CallTimeoutsPool(TimeSpan totalTimeout, TimeSpan attemptTimeout, TimeProvider timeProvider)
    {
        TotalTimeout = totalTimeout;
        AttemptTimeout = attemptTimeout;
        TimeProvider = timeProvider;
    }

    /// <summary>The whole call's timeout, or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan TotalTimeout { get; }

    /// <summary>One attempt's timeout, or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan AttemptTimeout { get; }

    public TimeProvider TimeProvider { get; }

    public static CallTimeoutsPool? Create(ConduitClientOptions options) =>
        options.TotalTimeout == Timeout.InfiniteTimeSpan && options.AttemptTimeout == Timeout.InfiniteTimeSpan
            ? null
            : new CallTimeoutsPool(options.TotalTimeout, options.AttemptTimeout, options.TimeProvider);

    /// <summary>Takes an idle object (or makes one) and starts the call's clock on it.</summary>
    public CallTimeouts Rent(long startTimestamp, CancellationToken callerToken)
    {
        if (_idle.TryDequeue(out var timeouts))
        {
            Interlocked.Decrement(ref _idleCount);
        }
        else
        {
            timeouts = new CallTimeouts(this);
        }

        timeouts.Start(startTimestamp, callerToken);
        return timeouts;
    }

    /// <summary>Resets a finished call's object and keeps it for the next call.</summary>
    public void Return(CallTimeouts timeouts)
    {
        timeouts.Reset();
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            timeouts.Dispose();
            return;
        }

        _idle.Enqueue(timeouts);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var timeouts))
        {
            timeouts.Dispose();
        }
    }
}
