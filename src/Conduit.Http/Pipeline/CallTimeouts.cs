using System.Runtime.ExceptionServices;
using Polly;
using Polly.Timeout;

namespace Conduit.Http.Pipeline;

/// <summary>
/// The total and per-attempt timeouts of one call, on one timer. Two cancellation sources carry the result: the call's
/// (total timeout or the caller's token), which the resilience pipeline observes, and the attempt's (all of those plus
/// the attempt timeout), which the send and the body read observe. Rented from a <see cref="CallTimeoutsPool"/>, so a
/// call allocates neither sources nor a timer.
/// </summary>
/// <remarks>
/// <para>
/// This does the work of two nested Polly timeout strategies (total outermost, attempt innermost) without their
/// per-call cost: each kept an async state machine alive across the call (about 380 bytes), linked its source to the
/// outer token and re-armed a timer twice. The outcomes are the same: an attempt that runs out of time fails with a
/// <see cref="TimeoutRejectedException"/> carrying <see cref="ConduitClientOptions.AttemptTimeout"/>, which the retry
/// and circuit-breaker strategies see as before; a call that runs out of time is reported by
/// <see cref="TryGetTotalTimeout"/>; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// The timer is only a wake-up: when it fires, the clock decides which deadline (if any) has passed, and a firing
/// before any deadline re-arms it for the next one. So the timer only has to be due no later than the next deadline,
/// and it is left armed when a call ends: the next call on this object has later deadlines, so in the steady state a
/// call does not touch the timer at all (each re-arm takes a lock shared with the process's other timers), and the
/// timer fires early about once per timeout period to be moved on.
/// </para>
/// </remarks>
internal sealed class CallTimeouts : IDisposable
{
    /// <summary>A deadline that never comes (how an infinite timeout is held here, so that deadlines compare simply).</summary>
    private const long Never = long.MaxValue;

    private readonly CallTimeoutsPool _pool;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private readonly long _totalTicks;
    private readonly long _attemptTicks;
    private CancellationTokenSource _call = new();
    private CancellationTokenSource _attempt = new();
    private CancellationToken _callerToken;
    private CancellationTokenRegistration _callerRegistration;
    private bool _active;
    private long _totalDeadline = Never;
    private long _attemptDeadline = Never;
    private long _timerDue = Never;
    private TimedOut _timedOut;

    public CallTimeouts(CallTimeoutsPool pool)
    {
        _pool = pool;
        _time = pool.TimeProvider;
        _totalTicks = ToTimestampTicks(pool.TotalTimeout);
        _attemptTicks = ToTimestampTicks(pool.AttemptTimeout);
        // The timer outlives the call that creates it (the object is pooled), so it must not capture that call's
        // execution context (its AsyncLocals, its Activity).
        using (ExecutionContext.SuppressFlow())
        {
            _timer = _time.CreateTimer(static s => ((CallTimeouts)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Which timeout fired in this call, if any.</summary>
    private enum TimedOut
    {
        None,
        Attempt,
        Total,
    }

    /// <summary>The call's token, for everything outside an attempt: cancelled by the total timeout or the caller.</summary>
    public CancellationToken Token => _call.Token;

    /// <summary>Starts the call's clock (<paramref name="startTimestamp"/> from the pool's time provider) and links the caller's token.</summary>
    public void Start(long startTimestamp, CancellationToken callerToken)
    {
        _callerToken = callerToken;
        if (callerToken.CanBeCanceled)
        {
            // UnsafeRegister: cancelling needs no execution context, and capturing one costs.
            _callerRegistration = callerToken.UnsafeRegister(static s => ((CallTimeouts)s!).CancelForCaller(), this);
        }

        lock (_lock)
        {
            _active = true;
            _totalDeadline = After(startTimestamp, _totalTicks);
            _attemptDeadline = Never;
            // Due no later than the first attempt's deadline: the attempt starts a little after this, so it will not need
            // to move the timer, and a firing before the attempt only moves it on.
            ArmByLocked(Math.Min(_totalDeadline, After(startTimestamp, _attemptTicks)), startTimestamp);
        }
    }

    /// <summary>Starts an attempt's clock; returns the token for the attempt.</summary>
    public CancellationToken BeginAttempt()
    {
        lock (_lock)
        {
            if (_call.IsCancellationRequested)
            {
                return _call.Token;
            }

            if (_attemptTicks != Never)
            {
                var now = _time.GetTimestamp();
                _attemptDeadline = After(now, _attemptTicks);
                ArmByLocked(_attemptDeadline, now);
            }

            return _attempt.Token;
        }
    }

    /// <summary>
    /// Ends an attempt. When the attempt timeout fired, a cancellation it caused becomes a
    /// <see cref="TimeoutRejectedException"/> (as Polly's timeout strategy reports it) and the next attempt gets a
    /// fresh source.
    /// </summary>
    public Outcome<ApiResponse> EndAttempt(Outcome<ApiResponse> outcome)
    {
        lock (_lock)
        {
            _attemptDeadline = Never;
            if (_timedOut != TimedOut.Attempt)
            {
                return outcome;
            }

            // The old source is cancelled for good, and the timer callback may still be cancelling it: it is dropped
            // rather than disposed or reset.
            _timedOut = TimedOut.None;
            _attempt = new CancellationTokenSource();
            if (outcome.Exception is not OperationCanceledException canceled || _call.IsCancellationRequested)
            {
                return outcome;
            }

            var timeout = _pool.AttemptTimeout;
            return Outcome.FromException<ApiResponse>(ExceptionDispatchInfo.SetCurrentStackTrace(
                new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{timeout}'.", timeout, canceled)));
        }
    }

    /// <summary>
    /// When <paramref name="exception"/> is the cancellation that the total timeout caused (not the caller's), gives
    /// the <see cref="TimeoutRejectedException"/> to report instead.
    /// </summary>
    public bool TryGetTotalTimeout(Exception exception, out TimeoutRejectedException timeout)
    {
        bool fired;
        lock (_lock)
        {
            fired = _timedOut == TimedOut.Total;
        }

        if (fired && exception is OperationCanceledException canceled && !_callerToken.IsCancellationRequested)
        {
            var total = _pool.TotalTimeout;
            timeout = new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{total}'.", total, canceled);
            return true;
        }

        timeout = null!;
        return false;
    }

    /// <summary>Ends the call and unlinks the caller, so that the object can serve another call.</summary>
    public void Reset()
    {
        // Disposing the registration waits for a caller cancellation already running, so nothing cancels after this.
        _callerRegistration.Dispose();
        _callerRegistration = default;
        _callerToken = default;
        lock (_lock)
        {
            // The timer stays armed (see the remarks): a firing while idle does nothing.
            _active = false;
            _totalDeadline = _attemptDeadline = Never;
            var timedOut = _timedOut != TimedOut.None;
            _timedOut = TimedOut.None;
            // A timer that fired in this call may still be about to cancel a source: never hand those on.
            if (timedOut || !_call.TryReset())
            {
                _call = new CancellationTokenSource();
            }

            if (timedOut || !_attempt.TryReset())
            {
                _attempt = new CancellationTokenSource();
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private static long After(long timestamp, long ticks) => ticks == Never ? Never : timestamp + ticks;

    private long ToTimestampTicks(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? Never : (long)(timeout.Ticks * ((double)_time.TimestampFrequency / TimeSpan.TicksPerSecond));

    /// <summary>Makes sure the timer fires by <paramref name="deadline"/>: re-arms it unless it is due by then already.</summary>
    private void ArmByLocked(long deadline, long now)
    {
        if (_timerDue <= deadline && _timerDue >= now)
        {
            return;
        }

        ArmAtLocked(deadline, now);
    }

    private void ArmAtLocked(long due, long now)
    {
        _timerDue = due;
        _timer.Change(due == Never ? Timeout.InfiniteTimeSpan : _time.GetElapsedTime(now, Math.Max(due, now)), Timeout.InfiniteTimeSpan);
    }

    private void CancelForCaller()
    {
        CancellationTokenSource call, attempt;
        lock (_lock)
        {
            call = _call;
            attempt = _attempt;
        }

        call.Cancel();
        attempt.Cancel();
    }

    private void OnTimer()
    {
        CancellationTokenSource? call = null;
        CancellationTokenSource attempt;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (!_active || _timedOut == TimedOut.Total)
            {
                // Idle (the call ended in time), or nothing left to time: the timer is disarmed until a call needs it.
                _timerDue = Never;
                return;
            }

            if (now >= _totalDeadline)
            {
                _timedOut = TimedOut.Total;
                _timerDue = Never;
                call = _call;
            }
            else if (_timedOut == TimedOut.None && now >= _attemptDeadline)
            {
                _timedOut = TimedOut.Attempt;
                ArmAtLocked(_totalDeadline, now);
            }
            else
            {
                // Early: armed for a deadline of an earlier call or attempt, or a coarse system timer. Move on to the next.
                ArmAtLocked(Math.Min(_totalDeadline, _timedOut == TimedOut.None ? _attemptDeadline : Never), now);
                return;
            }

            attempt = _attempt;
        }

        // Outside the lock: cancelling runs the tokens' callbacks, and they may continue the call on this thread.
        attempt.Cancel();
        call?.Cancel();
    }
}
