using Conduit.AuthServer.Logging;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Conduit.AuthServer.Endpoints;

/// <summary>Resolves the user behind the <c>Authorization: Bearer</c> access token of a request.</summary>
internal static class BearerAuthentication
{
    private const string Scheme = "Bearer ";

    /// <summary>The bearer token of the request, or <see langword="null"/> when there is none.</summary>
    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>The active user the request's access token was issued to, or the 401/403 to answer with.</summary>
    public static async Task<(UserRecord? User, ApiError? Error)> AuthenticateAsync(HttpContext context, AuthServerRuntime runtime)
    {
        var token = ReadToken(context.Request);
        if (token is null)
        {
            return (null, ApiError.Unauthorized(ErrorCodes.Unauthorized, "An access token is required (Authorization: Bearer <token>)."));
        }

        var check = await runtime.AccessTokens.ValidateAsync(token).ConfigureAwait(false);
        if (check.Status != AccessTokenStatus.Valid)
        {
            AuthServerLog.AccessTokenRefused(runtime.Logger, check.Status.ToString());
            return check.Status == AccessTokenStatus.Expired
                ? (null, ApiError.Unauthorized(ErrorCodes.TokenExpired, "The access token has expired; refresh it."))
                : (null, ApiError.Unauthorized(ErrorCodes.InvalidToken, "The access token is invalid."));
        }

        var user = await runtime.Store.FindUserByIdAsync(check.UserId!, context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            return (null, ApiError.Unauthorized(ErrorCodes.InvalidToken, "The access token is invalid."));
        }

        return user.IsActive
            ? (user, null)
            : (null, ApiError.Forbidden(ErrorCodes.AccountInactive, "This account is deactivated."));
    }
}
