namespace Conduit.Http;

/// <summary>The server answered 400 Bad Request: the request was malformed or failed validation.</summary>
public class BadRequestException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="response">The response.</param>
    public BadRequestException(string message, string? method, Uri? requestUri, ApiResponse? response)
        : base(message, method, requestUri, response)
    {
    }
}
