namespace Conduit.Http;

/// <summary>
/// The call was rate limited: the server answered 429, or the client-side limiter rejected it
/// (then <see cref="ApiException.StatusCode"/> is <see langword="null"/>), or the server's
/// <c>Retry-After</c> is longer than the time left for the call.
/// </summary>
public class RateLimitedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="response">The 429 response, or <see langword="null"/> for a client-side rejection.</param>
    /// <param name="retryAfter">How long to wait before trying again, when known.</param>
    public RateLimitedException(string message, string? method, Uri? requestUri, ApiResponse? response, TimeSpan? retryAfter)
        : base(message, method, requestUri, response)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long to wait before trying again, when the server or the limiter said.</summary>
    public TimeSpan? RetryAfter { get; }
}
