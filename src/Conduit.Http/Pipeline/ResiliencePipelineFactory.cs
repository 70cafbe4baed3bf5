using Conduit.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Conduit.Http.Pipeline;

/// <summary>
/// Builds the Polly pipeline of a client, outermost first: retry → circuit breaker → rate-limit wait. Around and inside
/// it sit the two timeouts, in the documented order total timeout → retry → circuit breaker → rate-limit wait → attempt
/// timeout: both run on one per-call <see cref="CallTimeouts"/> (the total from <see cref="HttpCallPipeline"/>, the
/// attempt's in <see cref="AttemptSender"/>) rather than as two Polly timeout strategies, which cost an async state
/// machine each per call. Authentication and the 401 replay run inside each attempt.
/// </summary>
internal static class ResiliencePipelineFactory
{
    private const string NoAnnotationsJustification = "RateLimitWaitStrategyOptions declares no data-annotation attributes, so trimming removes nothing its validation reads.";

    public static readonly ResiliencePropertyKey<CallState> CallStateKey = new("Conduit.CallState");

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = NoAnnotationsJustification)]
    public static ResiliencePipeline<ApiResponse> Create(
        ConduitClientOptions options,
        RetryClassifier classifier,
        Action<CallState, OnRetryArguments<ApiResponse>> onRetry,
        Func<RateLimitWaitStrategy> rateLimitWait)
    {
        var builder = new ResiliencePipelineBuilder<ApiResponse> { Name = options.Name, TimeProvider = options.TimeProvider };
        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            var delays = new RetryDelayCalculator(retry);
            builder.AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                Name = "retry",
                MaxRetryAttempts = retry.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(classifier.ShouldRetry(args.Outcome, args.Context.Properties.GetValue(CallStateKey, null!))),
                DelayGenerator = args =>
                {
                    var state = args.Context.Properties.GetValue(CallStateKey, null!);
                    var retryAfter = args.Outcome.Result is not null ? state.LastRetryAfter : null;
                    return ValueTask.FromResult<TimeSpan?>(delays.GetDelay(args.AttemptNumber, retryAfter));
                },
                OnRetry = args =>
                {
                    onRetry(args.Context.Properties.GetValue(CallStateKey, null!), args);
                    return ValueTask.CompletedTask;
                },
                MaxDelay = null,
            });
        }

        if (options.CircuitBreaker is { } breaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<ApiResponse>
            {
                Name = "circuit-breaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { } r } => (int)r.StatusCode >= 500,
                    { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
                    _ => false,
                }),
            });
        }

        builder.AddStrategy(_ => rateLimitWait(), new RateLimitWaitStrategyOptions());
        return builder.Build();
    }
}

/// <summary>Options marker for <see cref="RateLimitWaitStrategy"/> (its settings come from the client options).</summary>
internal sealed class RateLimitWaitStrategyOptions : ResilienceStrategyOptions
{
    public RateLimitWaitStrategyOptions() => Name = "rate-limit-wait";
}
