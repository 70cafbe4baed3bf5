using System.Globalization;
using System.Text;
using Conduit.AuthService.Wire;
using Conduit.Http;
using Conduit.Http.Redaction;

namespace Conduit.AuthService;

/// <summary>Turns the core's exceptions into <see cref="AuthException"/>s that carry the auth service's error body.</summary>
internal static class AuthExceptionFactory
{
    public static AuthException From(ApiException exception, SecretRedactor redactor)
    {
        if (exception is AuthException auth)
        {
            return auth;
        }

        var retryAfter = (exception as RateLimitedException)?.RetryAfter;
        if (exception.Response is not { } response || ErrorBody.TryRead(response) is not { } body)
        {
            // The core's message is already redacted and says what happened (timeout, connection failure, non-JSON error).
            return new AuthException(exception.Message, exception.Method, exception.RequestUri, exception.Response, retryAfter: retryAfter, innerException: exception);
        }

        var status = (int)response.StatusCode;
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{exception.Method} {exception.RequestUri} failed with {status}");
        if (body.Error is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $" ({body.Error})");
        }

        message.Append(": ").Append(string.IsNullOrWhiteSpace(body.Message) ? "the server gave no reason." : body.Message);
        if (body.Details.Count > 0)
        {
            // "field problem" (no colon) reads naturally and is not mistaken for a name=value secret by the redactor.
            message.Append(" Details: ").AppendJoin("; ", body.Details.Select(static d => $"{d.Key} {d.Value}")).Append('.');
        }

        return new AuthException(redactor.RedactText(message.ToString()), exception.Method, exception.RequestUri, response,
            body.Error, body.Message, body.Details, retryAfter, exception);
    }
}
