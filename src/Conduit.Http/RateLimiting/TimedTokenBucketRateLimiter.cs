using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;

namespace Conduit.Http.RateLimiting;

/// <summary>
/// A token bucket whose refills are driven by a <see cref="TimeProvider"/> timer: every
/// <see cref="RateLimitOptions.Window"/> it adds <see cref="RateLimitOptions.RequestsPerWindow"/> tokens, up to
/// <see cref="RateLimitOptions.Burst"/>, and hands them to waiters in arrival order. Over any span <c>t</c> it admits at
/// most <c>burst + rate × ⌊t / window⌋</c> requests.
/// </summary>
/// <remarks>
/// <see cref="System.Threading.RateLimiting.TokenBucketRateLimiter"/> measures elapsed time with the real clock even when
/// replenished by hand, so it cannot be driven by a fake clock in tests; this bucket can, and it also offers a blocking
/// <see cref="Acquire"/> for the synchronous API that waits on a wait handle rather than on a task.
/// </remarks>
public sealed class TimedTokenBucketRateLimiter : ReplenishingRateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(acquired: true, retryAfter: null);
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _timer;
    private readonly TimeProvider _timeProvider;
    private readonly int _tokenLimit;
    private readonly int _tokensPerPeriod;
    private readonly int _queueLimit;
    private readonly TimeSpan _period;
    private int _tokens;
    private int _queuedPermits;
    private long _successful;
    private long _failed;
    private long? _idleSince;
    private bool _disposed;

    /// <summary>Creates the bucket full.</summary>
    /// <param name="options">The rate; copied.</param>
    /// <param name="timeProvider">The clock that drives refills; the system clock when null.</param>
    public TimedTokenBucketRateLimiter(RateLimitOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RequestsPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(options.QueueLimit);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tokenLimit = options.EffectiveBurst;
        _tokensPerPeriod = options.RequestsPerWindow;
        _queueLimit = options.QueueLimit;
        _period = options.Window;
        _tokens = _tokenLimit;
        _idleSince = _timeProvider.GetTimestamp();
        _timer = _timeProvider.CreateTimer(static s => ((TimedTokenBucketRateLimiter)s!).Replenish(), this, _period, _period);
    }

    /// <inheritdoc />
    public override TimeSpan ReplenishmentPeriod => _period;

    /// <inheritdoc />
    public override bool IsAutoReplenishing => true;

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                return _idleSince is { } since ? _timeProvider.GetElapsedTime(since) : null;
            }
        }
    }

    /// <inheritdoc />
    public override bool TryReplenish() => false;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <summary>Blocks the calling thread until <paramref name="permitCount"/> tokens are granted or the queue is full.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting.</exception>
    public RateLimitLease Acquire(int permitCount = 1, CancellationToken cancellationToken = default)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (TryTakeLocked(permitCount, out var immediate))
            {
                return immediate;
            }

            waiter = EnqueueLocked(permitCount, blocking: true);
            if (waiter.Result is { } rejected)
            {
                return rejected;
            }
        }

        try
        {
            waiter.Event!.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (Cancel(waiter))
            {
                throw;
            }
        }
        finally
        {
            waiter.Event!.Dispose();
        }

        return waiter.Result!;
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            if (TryTakeLocked(permitCount, out var lease))
            {
                return lease;
            }

            _failed++;
            return Rejected(permitCount);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (TryTakeLocked(permitCount, out var immediate))
            {
                return ValueTask.FromResult(immediate);
            }

            waiter = EnqueueLocked(permitCount, blocking: false);
            if (waiter.Result is { } rejected)
            {
                return ValueTask.FromResult(rejected);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static s =>
            {
                var (limiter, w, token) = ((TimedTokenBucketRateLimiter, Waiter, CancellationToken))s!;
                if (limiter.Cancel(w))
                {
                    w.Completion!.TrySetCanceled(token);
                }
            }, (this, waiter, cancellationToken));
        }

        return new ValueTask<RateLimitLease>(waiter.Completion!.Task);
    }

    private bool TryTakeLocked(int permitCount, [NotNullWhen(true)] out RateLimitLease? lease)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _tokenLimit);
        if (permitCount == 0)
        {
            lease = _tokens > 0 ? Granted : Rejected(1);
            return _tokens > 0;
        }

        // Waiters keep their turn: a new caller may not overtake the queue.
        if (_queue.Count == 0 && _tokens >= permitCount)
        {
            _tokens -= permitCount;
            _idleSince = null;
            _successful++;
            lease = Granted;
            return true;
        }

        lease = null;
        return false;
    }

    private Waiter EnqueueLocked(int permitCount, bool blocking)
    {
        var waiter = new Waiter(permitCount, blocking);
        if (_queuedPermits + permitCount > _queueLimit)
        {
            _failed++;
            waiter.Result = Rejected(permitCount);
            return waiter;
        }

        waiter.Node = _queue.AddLast(waiter);
        _queuedPermits += permitCount;
        return waiter;
    }

    private bool Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return false;
            }

            _queue.Remove(waiter.Node);
            _queuedPermits -= waiter.PermitCount;
            _failed++;
            return true;
        }
    }

    private void Replenish()
    {
        List<Waiter>? granted = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _tokens = Math.Min(_tokenLimit, _tokens + _tokensPerPeriod);
            while (_queue.First is { } node && node.Value.PermitCount <= _tokens)
            {
                _queue.RemoveFirst();
                _tokens -= node.Value.PermitCount;
                _queuedPermits -= node.Value.PermitCount;
                _successful++;
                (granted ??= []).Add(node.Value);
            }

            if (_tokens == _tokenLimit && _queue.Count == 0)
            {
                _idleSince ??= _timeProvider.GetTimestamp();
            }
        }

        foreach (var waiter in granted ?? [])
        {
            waiter.Grant(Granted);
        }
    }

    private RateLimitLease Rejected(int permitCount)
    {
        var periods = Math.Max(1, (int)Math.Ceiling((double)(permitCount + _queuedPermits) / _tokensPerPeriod));
        return new Lease(acquired: false, retryAfter: _period * periods);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<Waiter> pending;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            pending = [.. _queue];
            _queue.Clear();
            _queuedPermits = 0;
        }

        _timer.Dispose();
        foreach (var waiter in pending)
        {
            waiter.Grant(new Lease(acquired: false, retryAfter: null));
        }
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        return ValueTask.CompletedTask;
    }

    private sealed class Waiter(int permitCount, bool blocking)
    {
        public int PermitCount { get; } = permitCount;

        public ManualResetEventSlim? Event { get; } = blocking ? new ManualResetEventSlim() : null;

        public TaskCompletionSource<RateLimitLease>? Completion { get; } =
            blocking ? null : new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public RateLimitLease? Result { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Grant(RateLimitLease lease)
        {
            Result = lease;
            Registration.Dispose();
            Event?.Set();
            Completion?.TrySetResult(lease);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
