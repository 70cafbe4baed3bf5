namespace Conduit.Http;

/// <summary>The call did not complete within its per-attempt or total timeout.</summary>
public class ApiTimeoutException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The underlying timeout.</param>
    public ApiTimeoutException(string message, string? method, Uri? requestUri, TimeSpan timeout, Exception? innerException)
        : base(message, method, requestUri, response: null, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
