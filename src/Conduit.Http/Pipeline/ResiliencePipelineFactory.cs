using Conduit.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Conduit.Http.Pipeline;

/// <summary>
/// Builds the Polly pipeline of a client, outermost first: total timeout → retry → circuit breaker → rate-limit wait →
/// attempt timeout. Authentication and the 401 replay run inside each attempt (see <see cref="AttemptSender"/>).
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
        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });
        }

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
        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
        }

        return builder.Build();
    }
}

/// <summary>Options marker for <see cref="RateLimitWaitStrategy"/> (its settings come from the client options).</summary>
internal sealed class RateLimitWaitStrategyOptions : ResilienceStrategyOptions
{
    public RateLimitWaitStrategyOptions() => Name = "rate-limit-wait";
}
