using System.Net.Http;
using Conduit.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Conduit.Http.Pipeline;

/// <summary>
/// Decides whether an attempt's outcome is retried. Unsafe methods (POST, PATCH) are retried only when the request
/// cannot have reached the server (the connection was never made), when the server refused it with 429, or when the
/// call opted in with an idempotency key.
/// </summary>
internal sealed class RetryClassifier(RetryOptions options, TimeProvider timeProvider, TimeSpan totalTimeout)
{
    private readonly HashSet<int> _statusCodes = [.. options.RetryableStatusCodes];

    public bool ShouldRetry(Outcome<ApiResponse> outcome, CallState state)
    {
        var request = state.Request;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (!_statusCodes.Contains(status))
            {
                return false;
            }

            if (status == 429)
            {
                // The server refused the request without processing it, so any method may repeat it, unless the wait
                // it asks for is longer than the call has left.
                return (request.Body?.IsReplayable ?? true) && !WaitExceedsBudget(state);
            }

            return request.MayRetryAfterSending && !WaitExceedsBudget(state);
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError }
                => options.RetryOnConnectionFailure && (request.Body?.IsReplayable ?? true),
            TimeoutRejectedException => options.RetryOnTimeout && request.MayRetryAfterSending,
            HttpRequestException or HttpIOException or IOException => options.RetryOnConnectionFailure && request.MayRetryAfterSending,
            _ => false,
        };
    }

    /// <summary>The longest wait a timer accepts (Task.Delay and WaitHandle.WaitOne: about 24.8 days).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>
    /// Whether the server's <c>Retry-After</c> is longer than the time left for the call, or longer than any timer can
    /// wait (which matters when there is no total timeout).
    /// </summary>
    public bool WaitExceedsBudget(CallState state)
    {
        return state.LastRetryAfter is { } wait && (wait > MaxWait || wait > state.TimeLeft(totalTimeout, timeProvider));
    }
}
