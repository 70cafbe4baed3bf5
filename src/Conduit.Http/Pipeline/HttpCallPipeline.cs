using System.Threading.RateLimiting;
using System.Diagnostics;
using System.Net.Http;
using Conduit.Http.RateLimiting;
using Conduit.Http.Redaction;
using Conduit.Http.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Conduit.Http.Pipeline;

/// <summary>
/// The engine behind a <see cref="ConduitClient"/>: runs a call through the resilience pipeline, records telemetry,
/// and turns the outcome into a response or a typed <see cref="ApiException"/>. Built once from a copy of the options.
/// </summary>
internal sealed class HttpCallPipeline : IDisposable
{
    private static readonly object?[] BoxedStatusCodes = Enumerable.Range(0, 600).Select(static i => (object?)i).ToArray();
    private readonly ConduitClientOptions _options;
    private readonly ResiliencePipeline<ApiResponse> _resilience;
    private readonly AttemptSender _sender;
    private readonly RequestUriBuilder _uriBuilder;
    private readonly CallTimeoutsPool? _timeouts;
    private readonly MessageTransport _transport;
    private readonly RateLimiter? _rateLimiter;
    private readonly bool _ownsRateLimiter;
    private readonly ConduitHttpInstruments _instruments;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public HttpCallPipeline(ConduitClientOptions options, MessageTransport transport, ILogger logger, ConduitHttpInstruments instruments)
    {
        _options = options;
        _logger = logger;
        _instruments = instruments;
        _timeProvider = options.TimeProvider;
        Redactor = new SecretRedactor(options.Redaction);
        foreach (var secret in options.Authentication.Secrets)
        {
            Redactor.AddSecret(secret);
        }

        Redactor.AddSecret(options.Proxy.Password);
        _uriBuilder = new RequestUriBuilder(options.BaseAddress);
        _timeouts = CallTimeoutsPool.Create(options);
        _ownsRateLimiter = options.RateLimiter is null && options.RateLimit is not null;
        _rateLimiter = options.RateLimiter ?? (options.RateLimit is { } rate ? new TimedTokenBucketRateLimiter(rate, options.TimeProvider) : null);
        ServerGate = new ServerRateLimitGate(options.ServerRateLimit, options.TimeProvider);
        _transport = transport;
        _sender = new AttemptSender(options, transport, ServerGate, Redactor, instruments, logger);
        var classifier = new RetryClassifier(options.Retry, options.TimeProvider, options.TotalTimeout);
        _resilience = ResiliencePipelineFactory.Create(
            options, classifier, OnRetry, () => new RateLimitWaitStrategy(options, _rateLimiter, ServerGate, Redactor, instruments, logger));
        if (!options.VerifyTls && options.ServerCertificateValidation is null)
        {
            ConduitHttpLog.TlsVerificationDisabled(logger, options.Name);
        }
    }

    public SecretRedactor Redactor { get; }

    public ServerRateLimitGate ServerGate { get; }

    public RateLimiter? RateLimiter => _rateLimiter;

    public async Task<ApiResponse> ExecuteAsync(ApiRequest request, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = _timeProvider.GetTimestamp();
        var uri = _uriBuilder.Build(request);
        var state = new CallState(this, request, uri, start, async, _timeouts?.Rent(start, cancellationToken));
        using var activity = ConduitHttpInstruments.ActivitySource.HasListeners() ? StartActivity(state) : null;
        var context = ResilienceContextPool.Shared.Get(state.Timeouts?.Token ?? cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.CallStateKey, state);
        ApiResponse? response = null;
        Exception? failure = null;
        try
        {
            if (async)
            {
                var outcome = await _resilience.ExecuteOutcomeAsync(static (ctx, s) => s.Pipeline._sender.SendAsync(s, async: true, ctx.CancellationToken), context, state).ConfigureAwait(false);
                outcome.ThrowIfException();
                response = outcome.Result!;
            }
            else
            {
                response = _resilience.Execute(
                    static (ctx, s) =>
                    {
                        var outcome = s.Pipeline._sender.SendAsync(s, async: false, ctx.CancellationToken).EnsureCompleted();
                        outcome.ThrowIfException();
                        return outcome.Result!;
                    },
                    context,
                    state);
            }
            response.Elapsed = _timeProvider.GetElapsedTime(start);
            response.Attempts = state.Attempts;
            if (!response.IsSuccess && request.ThrowOnErrorStatus)
            {
                failure = ApiException.FromResponse(response, state.RedactedUri(Redactor), state.LastRetryAfter);
                throw failure;
            }

            return response;
        }
        catch (Exception ex) when (failure is null && Translate(ex, state, cancellationToken) is { } translated)
        {
            failure = translated;
            throw translated;
        }
        catch (Exception ex) when (failure is null)
        {
            failure = ex;
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            if (state.Timeouts is { } timeouts)
            {
                _timeouts!.Return(timeouts);
            }

            Record(state, response, failure, activity);
        }
    }

    private ApiException? Translate(Exception exception, CallState state, CancellationToken cancellationToken)
    {
        if (state.Timeouts is { } timeouts && timeouts.TryGetTotalTimeout(exception, out var totalTimeout))
        {
            exception = totalTimeout;
        }

        var method = state.Request.Method.Method;
        var uri = state.RedactedUri(Redactor);
        return exception switch
        {
            ApiException => null,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            TimeoutRejectedException timeout => new ApiTimeoutException(
                $"{method} {uri} timed out after {timeout.Timeout.TotalSeconds:0.###} s ({(timeout.Timeout == _options.TotalTimeout ? "total" : "per-attempt")} timeout) after {state.Attempts} attempt(s).",
                method, uri, timeout.Timeout, timeout),
            BrokenCircuitException broken => new ApiConnectionException(
                $"{method} {uri} was not sent: the circuit breaker is open after repeated failures.", method, uri, broken),
            HttpRequestException or HttpIOException or IOException => new ApiConnectionException(
                $"{method} {uri} failed to connect or lost the connection after {state.Attempts} attempt(s): {Redactor.RedactText(exception.Message)}",
                method, uri, exception),
            _ => null,
        };
    }

    private void OnRetry(CallState state, OnRetryArguments<ApiResponse> args)
    {
        _instruments.Retries.Add(1, new KeyValuePair<string, object?>(ConduitHttpTelemetry.ClientTag, _options.Name));
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var reason = args.Outcome.Result is { } r
                ? $"status {(int)r.StatusCode}"
                : Redactor.RedactText(args.Outcome.Exception?.GetType().Name + ": " + args.Outcome.Exception?.Message);
            ConduitHttpLog.Retrying(_logger, _options.Name, state.Request.Method.Method, state.RedactedUri(Redactor), args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, reason);
        }
    }

    private Activity? StartActivity(CallState state)
    {
        var activity = ConduitHttpInstruments.ActivitySource.StartActivity(state.Request.Method.Method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ConduitHttpTelemetry.ClientTag, _options.Name);
            activity.SetTag(ConduitHttpTelemetry.MethodTag, state.Request.Method.Method);
            activity.SetTag("url.full", state.RedactedUri(Redactor).ToString());
        }

        return activity;
    }

    private void Record(CallState state, ApiResponse? response, Exception? failure, Activity? activity)
    {
        var elapsed = _timeProvider.GetElapsedTime(state.StartTimestamp);
        var tags = new TagList
        {
            { ConduitHttpTelemetry.ClientTag, _options.Name },
            { ConduitHttpTelemetry.MethodTag, state.Request.Method.Method },
        };
        var status = response is null ? (int?)null : (int)response.StatusCode;
        if (status is { } code)
        {
            tags.Add(ConduitHttpTelemetry.StatusCodeTag, code is >= 0 and < 600 ? BoxedStatusCodes[code] : code);
        }

        if (failure is not null)
        {
            tags.Add(ConduitHttpTelemetry.ErrorTypeTag, failure.GetType().Name);
            _instruments.Failures.Add(1, tags);
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                ConduitHttpLog.Failed(_logger, _options.Name, state.Request.Method.Method, state.RedactedUri(Redactor), Redactor.RedactText(failure.Message));
            }
        }
        else if (_logger.IsEnabled(LogLevel.Information))
        {
            ConduitHttpLog.Completed(_logger, _options.Name, state.Request.Method.Method, state.RedactedUri(Redactor), status ?? 0, elapsed.TotalMilliseconds, state.Attempts);
        }

        _instruments.Requests.Add(1, tags);
        _instruments.Duration.Record(elapsed.TotalSeconds, tags);
        if (activity is not null)
        {
            if (status is { } s)
            {
                activity.SetTag(ConduitHttpTelemetry.StatusCodeTag, s);
            }

            if (failure is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            }
        }
    }

    public void Dispose()
    {
        _transport.Dispose();
        _timeouts?.Dispose();
        if (_ownsRateLimiter)
        {
            _rateLimiter?.Dispose();
        }
    }
}
