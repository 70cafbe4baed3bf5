using System.Threading.RateLimiting;
using Conduit.Http.RateLimiting;
using Conduit.Http.Redaction;
using Conduit.Http.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace Conduit.Http.Pipeline;

/// <summary>
/// A Polly strategy that runs before each attempt (outside its timeout): it waits until the server's signalled reset
/// time, then for a token from the client-side bucket. A reset later than the call's remaining time fails fast with
/// <see cref="RateLimitedException"/>, and so does a full limiter queue.
/// </summary>
internal sealed class RateLimitWaitStrategy(
    ConduitClientOptions options,
    RateLimiter? rateLimiter,
    ServerRateLimitGate gate,
    SecretRedactor redactor,
    ConduitHttpInstruments instruments,
    ILogger logger) : ResilienceStrategy<ApiResponse>
{
    private readonly TimeProvider _timeProvider = options.TimeProvider;

    protected override ValueTask<Outcome<ApiResponse>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<ApiResponse>>> callback, ResilienceContext context, TState state)
    {
        // Fast path, no state machine: nothing to wait for and a token granted at once.
        if (gate.CurrentWait > TimeSpan.Zero)
        {
            return WaitThenExecuteAsync(callback, context, state, acquiring: null);
        }

        if (rateLimiter is null)
        {
            return callback(context, state);
        }

        if (!context.Properties.GetValue(ResiliencePipelineFactory.CallStateKey, null!).IsAsync)
        {
            return TryTakeToken() ? callback(context, state) : WaitThenExecuteAsync(callback, context, state, acquiring: null);
        }

        // An asynchronous call asks with AcquireAsync, never AttemptAcquire: for a distributed limiter (Redis) the
        // synchronous form is a blocking round trip, which would hold a thread-pool thread per call. For an in-memory
        // limiter a free token comes back as a completed ValueTask, so the fast path stays free of allocations.
        var acquiring = rateLimiter.AcquireAsync(1, context.CancellationToken);
        if (acquiring.IsCompletedSuccessfully)
        {
            var lease = acquiring.Result;
            if (lease.IsAcquired)
            {
                lease.Dispose();
                return callback(context, state);
            }

            // Refused at once (the limiter's queue is full): handed on as it is, to be recorded and reported.
            acquiring = new ValueTask<RateLimitLease>(lease);
        }

        return WaitThenExecuteAsync(callback, context, state, acquiring);
    }

    private bool TryTakeToken()
    {
        using var lease = rateLimiter!.AttemptAcquire();
        return lease.IsAcquired;
    }

    // acquiring: a token request the fast path already made and that could not be granted at once (the server's reset
    // was checked before it, so it is not waited for again).
    private async ValueTask<Outcome<ApiResponse>> WaitThenExecuteAsync<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<ApiResponse>>> callback, ResilienceContext context, TState state, ValueTask<RateLimitLease>? acquiring)
    {
        var call = context.Properties.GetValue(ResiliencePipelineFactory.CallStateKey, null!);
        var async = call.IsAsync;
        try
        {
            if (acquiring is null)
            {
                await WaitForServerResetAsync(call, async, context.CancellationToken).ConfigureAwait(false);
            }

            await WaitForTokenAsync(call, async, acquiring, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<ApiResponse>(ex);
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }

    private async ValueTask WaitForServerResetAsync(CallState call, bool async, CancellationToken cancellationToken)
    {
        var wait = gate.CurrentWait;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var left = call.TimeLeft(options.TotalTimeout, _timeProvider);
        // A wait longer than a timer can run (about 24.8 days, as far as a blocking wait goes) is not waited for either:
        // with no total timeout a far reset (up to year 9999) would otherwise fail with ArgumentOutOfRangeException.
        if (wait > left || wait > RetryClassifier.MaxWait)
        {
            throw new RateLimitedException(
                $"{call.Request.Method.Method} {call.RedactedUri(redactor)} was not sent: the server's rate limit resets in {wait.TotalSeconds:F1} s, "
                + (wait > left ? "after the call's timeout." : "longer than a client can wait."),
                call.Request.Method.Method, call.RedactedUri(redactor), response: null, wait);
        }

        RecordWait(wait, "server");
        if (async)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            TimeProviderWait.Wait(_timeProvider, wait, cancellationToken);
        }
    }

    private async ValueTask WaitForTokenAsync(CallState call, bool async, ValueTask<RateLimitLease>? acquiring, CancellationToken cancellationToken)
    {
        if (rateLimiter is null)
        {
            return;
        }

        if (!async)
        {
            if (TryTakeToken())
            {
                return;
            }

            RecordWait(TimeSpan.Zero, "client");
            using var blocked = rateLimiter is TimedTokenBucketRateLimiter bucket ? bucket.Acquire(1, cancellationToken) : AcquireBlocking(call, cancellationToken);
            ThrowIfRefused(call, blocked);
            return;
        }

        // As in the fast path: AcquireAsync only, so a distributed limiter never blocks a thread.
        var pending = acquiring ?? rateLimiter.AcquireAsync(1, cancellationToken);
        if (acquiring is null && pending.IsCompletedSuccessfully)
        {
            var now = pending.Result;
            if (now.IsAcquired)
            {
                now.Dispose();
                return;
            }

            pending = new ValueTask<RateLimitLease>(now);
        }

        RecordWait(TimeSpan.Zero, "client");
        using var lease = await pending.ConfigureAwait(false);
        ThrowIfRefused(call, lease);
    }

    private void ThrowIfRefused(CallState call, RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            throw new RateLimitedException(
                $"{call.Request.Method.Method} {call.RedactedUri(redactor)} was rejected by the client-side rate limiter: its queue is full.",
                call.Request.Method.Method, call.RedactedUri(redactor), response: null,
                lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfterValue) ? retryAfterValue : options.RateLimit?.Window);
        }
    }

    /// <summary>
    /// Blocks for a limiter that has no synchronous wait of its own: tries, then sleeps for the lease's
    /// <c>RetryAfter</c> (or 50 ms), until a permit comes or the call's remaining time would run out.
    /// </summary>
    private RateLimitLease AcquireBlocking(CallState call, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = rateLimiter!.AttemptAcquire();
            if (lease.IsAcquired)
            {
                return lease;
            }

            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMilliseconds(50);
            var left = call.TimeLeft(options.TotalTimeout, _timeProvider);
            if (wait >= left)
            {
                return lease;
            }

            lease.Dispose();
            TimeProviderWait.Wait(_timeProvider, wait, cancellationToken);
        }
    }

    private void RecordWait(TimeSpan wait, string limit)
    {
        instruments.RateLimitWaits.Add(1, new KeyValuePair<string, object?>(ConduitHttpTelemetry.ClientTag, options.Name));
        ConduitHttpLog.RateLimitWait(logger, options.Name, wait.TotalMilliseconds, limit);
    }
}
