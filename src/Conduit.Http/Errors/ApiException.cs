using System.Net;

namespace Conduit.Http;

/// <summary>
/// The one exception family of Conduit: a call failed with an HTTP error status, a timeout, a connection
/// failure or a rate limit. Messages are built from redacted values and never contain a secret.
/// </summary>
/// <remarks>
/// Subclasses exist only where callers handle the failure differently: <see cref="BadRequestException"/>,
/// <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="NotFoundException"/>,
/// <see cref="ConflictException"/>, <see cref="RateLimitedException"/>, <see cref="ServerErrorException"/>,
/// <see cref="ApiTimeoutException"/> and <see cref="ApiConnectionException"/>.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>Creates an exception from a failed response or transport failure.</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="response">The response, when the server answered.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ApiException(string message, string? method, Uri? requestUri, ApiResponse? response, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        RequestUri = requestUri;
        Response = response;
    }

    /// <summary>The HTTP status code, or <see langword="null"/> when no response was received.</summary>
    public int? StatusCode => Response is null ? null : (int)Response.StatusCode;

    /// <summary>The HTTP method of the failed call.</summary>
    public string? Method { get; }

    /// <summary>The request URL with secrets in its query string replaced by <c>[REDACTED]</c>.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The buffered response, when the server answered; kept even when its body is not valid JSON.</summary>
    public ApiResponse? Response { get; }

    /// <summary>The raw response body as text, or <see langword="null"/> when no response was received.</summary>
    public string? ResponseBody => Response?.Text;

    /// <summary>
    /// Error details the server gave: the <c>detail</c>, <c>message</c> or <c>error</c> field of a JSON error body,
    /// else <see langword="null"/>.
    /// </summary>
    public string? Details => Response is null ? null : ApiErrorDetails.Extract(Response);

    /// <summary>Creates the most specific exception for a failed response.</summary>
    /// <param name="response">A response whose status is not a success.</param>
    /// <param name="redactedUri">The request URL with secrets redacted.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if any.</param>
    /// <returns>The exception to throw.</returns>
    public static ApiException FromResponse(ApiResponse response, Uri? redactedUri, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var method = response.RequestMethod;
        var status = (int)response.StatusCode;
        var details = ApiErrorDetails.Extract(response);
        var message = $"{method} {redactedUri?.ToString() ?? "(unknown URL)"} failed with {status} {ReasonOf(response.StatusCode)}"
            + (string.IsNullOrEmpty(details) ? "." : $": {details}");
        return status switch
        {
            400 => new BadRequestException(message, method, redactedUri, response),
            401 => new UnauthorizedException(message, method, redactedUri, response),
            403 => new ForbiddenException(message, method, redactedUri, response),
            404 => new NotFoundException(message, method, redactedUri, response),
            409 => new ConflictException(message, method, redactedUri, response),
            429 => new RateLimitedException(message, method, redactedUri, response, retryAfter),
            >= 500 and <= 599 => new ServerErrorException(message, method, redactedUri, response),
            _ => new ApiException(message, method, redactedUri, response),
        };
    }

    // "TooManyRequests" -> "Too Many Requests".
    private static string ReasonOf(HttpStatusCode statusCode) =>
        System.Text.RegularExpressions.Regex.Replace(statusCode.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
}
