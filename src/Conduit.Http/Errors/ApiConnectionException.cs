namespace Conduit.Http;

/// <summary>The server could not be reached, or the connection failed before a complete response arrived.</summary>
public class ApiConnectionException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="innerException">The transport failure.</param>
    public ApiConnectionException(string message, string? method, Uri? requestUri, Exception? innerException)
        : base(message, method, requestUri, response: null, innerException)
    {
    }
}
