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
        // Fast path, no state machine: nothing to wait for and a token free now.
        if (gate.CurrentWait <= TimeSpan.Zero && (rateLimiter is null || TryTakeToken()))
        {
            return callback(context, state);
        }

        return WaitThenExecuteAsync(callback, context, state);
    }

    private bool TryTakeToken()
    {
        using var lease = rateLimiter!.AttemptAcquire();
        return lease.IsAcquired;
    }

    private async ValueTask<Outcome<ApiResponse>> WaitThenExecuteAsync<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<ApiResponse>>> callback, ResilienceContext context, TState state)
    {
        var call = context.Properties.GetValue(ResiliencePipelineFactory.CallStateKey, null!);
        var async = call.IsAsync;
        try
        {
            await WaitForServerResetAsync(call, async, context.CancellationToken).ConfigureAwait(false);
            await WaitForTokenAsync(call, async, context.CancellationToken).ConfigureAwait(false);
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
        if (wait > left)
        {
            throw new RateLimitedException(
                $"{call.Request.Method.Method} {call.RedactedUri(redactor)} was not sent: the server's rate limit resets in {wait.TotalSeconds:F1} s, after the call's timeout.",
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

    private async ValueTask WaitForTokenAsync(CallState call, bool async, CancellationToken cancellationToken)
    {
        if (rateLimiter is null || TryTakeToken())
        {
            return;
        }

        RecordWait(TimeSpan.Zero, "client");
        using var lease = async
            ? await rateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false)
            : rateLimiter is TimedTokenBucketRateLimiter bucket ? bucket.Acquire(1, cancellationToken) : AcquireBlocking(call, cancellationToken);
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
