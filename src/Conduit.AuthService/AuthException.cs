using Conduit.Http;

namespace Conduit.AuthService;

/// <summary>
/// An <see cref="AuthClient"/> call failed: the auth service answered with an error (<see cref="ApiException.StatusCode"/>,
/// <see cref="ErrorCode"/>, <see cref="ServerMessage"/> and per-field <see cref="Details"/>), or the call timed out or
/// could not connect (<see cref="ApiException.StatusCode"/> is <see langword="null"/> and
/// <see cref="Exception.InnerException"/> is the core's <see cref="ApiTimeoutException"/> or <see cref="ApiConnectionException"/>).
/// </summary>
/// <remarks>
/// <para>
/// It derives from <see cref="ApiException"/>, so it belongs to Conduit's one exception family: code that handles
/// <see cref="ApiException"/> for any Conduit client handles this too, and the method, redacted URL and raw response
/// stay available. The client wraps every core exception in this one type (keeping the original as the inner
/// exception) because callers of an auth client handle failures by status and error code, not by exception type.
/// </para>
/// <para>
/// <see cref="Details"/> hides <see cref="ApiException.Details"/> (a single sentence) with the auth service's
/// structured per-field details; the sentence is <see cref="ServerMessage"/>. Messages never contain a password or token.
/// </para>
/// </remarks>
public class AuthException : ApiException
{
    private static readonly IReadOnlyDictionary<string, string> NoDetails = new Dictionary<string, string>(0);

    /// <summary>Creates the exception (the client does; public for test doubles).</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="response">The error response, when the server answered.</param>
    /// <param name="errorCode">The server's machine-readable <c>error</c>, e.g. <c>email_taken</c>.</param>
    /// <param name="serverMessage">The server's human-readable <c>message</c>.</param>
    /// <param name="details">The server's per-field <c>details</c>.</param>
    /// <param name="retryAfter">How long to wait before trying again, when the server said.</param>
    /// <param name="innerException">The underlying failure.</param>
    public AuthException(
        string message,
        string? method,
        Uri? requestUri,
        ApiResponse? response,
        string? errorCode = null,
        string? serverMessage = null,
        IReadOnlyDictionary<string, string>? details = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, method, requestUri, response, innerException)
    {
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        Details = details ?? NoDetails;
        RetryAfter = retryAfter;
    }

    /// <summary>The server's machine-readable error code (<c>validation_error</c>, <c>email_taken</c>, <c>invalid_credentials</c>…), if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's human-readable message, if any.</summary>
    public string? ServerMessage { get; }

    /// <summary>What is wrong with each field (e.g. <c>email</c> → <c>is already registered</c>); empty when the server gave none.</summary>
    public new IReadOnlyDictionary<string, string> Details { get; }

    /// <summary>How long to wait before trying again (login throttling), when the server said.</summary>
    public TimeSpan? RetryAfter { get; }
}
