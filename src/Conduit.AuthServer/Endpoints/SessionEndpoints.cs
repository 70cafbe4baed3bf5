using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Json;
using Conduit.AuthServer.Logging;
using Conduit.AuthServer.Security;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Conduit.AuthServer.Endpoints;

/// <summary><c>POST auth/login</c>, <c>POST auth/refresh</c> and <c>POST auth/logout</c>.</summary>
internal static class SessionEndpoints
{
    private const string InvalidCredentialsMessage = "The email address or password is incorrect.";

    public static async Task<IResult> LoginAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.LoginRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var errors = new FieldErrors();
        errors.Require("email", body!.Email);
        if (string.IsNullOrEmpty(body.Password))
        {
            errors.Add("password", "is required");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var cancellationToken = context.RequestAborted;
        var ipKey = LoginThrottle.IpKey(context.Connection.RemoteIpAddress);
        var accountKey = LoginThrottle.AccountKey(EmailAddressRules.Normalize(body.Email!));
        var wait = await runtime.Throttle.CheckAddressAsync(ipKey, cancellationToken).ConfigureAwait(false)
            ?? await runtime.Throttle.ReserveAccountAttemptAsync(accountKey, cancellationToken).ConfigureAwait(false);
        if (wait is { } retryAfter)
        {
            AuthServerLog.LoginThrottled(runtime.Logger, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return ApiError.TooManyRequests(retryAfter);
        }

        var user = body.Password!.Length > runtime.Options.PasswordPolicy.MaximumLength
            ? null
            : await runtime.Store.FindUserByEmailAsync(EmailAddressRules.Normalize(body.Email!), cancellationToken).ConfigureAwait(false);
        var verification = PasswordVerificationResult.Failed;
        if (user is null)
        {
            runtime.Passwords.VerifyDecoy(body.Password);
        }
        else
        {
            verification = runtime.Passwords.Verify(user.PasswordHash, body.Password);
        }

        if (user is null || verification == PasswordVerificationResult.Failed)
        {
            await runtime.Throttle.RecordAddressFailureAsync(ipKey, cancellationToken).ConfigureAwait(false);
            AuthServerLog.LoginRefused(runtime.Logger, user is null ? "unknown account" : "wrong password");
            return ApiError.Unauthorized(ErrorCodes.InvalidCredentials, InvalidCredentialsMessage);
        }

        await runtime.Throttle.ResetAccountAsync(accountKey, cancellationToken).ConfigureAwait(false);
        if (!user.IsActive)
        {
            AuthServerLog.LoginRefused(runtime.Logger, "account inactive");
            return ApiError.Forbidden(ErrorCodes.AccountInactive, "This account is deactivated.");
        }

        if (runtime.Options.RequireVerifiedEmail && !user.IsVerified)
        {
            AuthServerLog.LoginRefused(runtime.Logger, "email not verified");
            return ApiError.Forbidden(ErrorCodes.EmailNotVerified, "Verify your email address before logging in.");
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = runtime.Passwords.Hash(body.Password) };
            await runtime.Store.TryUpdateUserAsync(user, cancellationToken).ConfigureAwait(false);
        }

        AuthServerLog.LoginSucceeded(runtime.Logger, user.Id);
        var session = await SessionIssuer.StartSessionAsync(runtime, user, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(session, AuthServerJsonContext.Default.AuthResponse);
    }

    public static async Task<IResult> RefreshAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.RefreshTokenRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.RefreshToken))
        {
            return ApiError.Validation("refresh_token", "is required");
        }

        var invalid = ApiError.Unauthorized(ErrorCodes.InvalidToken, "The refresh token is invalid, revoked or expired; log in again.");
        if (body.RefreshToken.Length > OpaqueToken.MaximumTextLength)
        {
            return invalid;
        }

        var now = runtime.Time.GetUtcNow();
        var replacement = OpaqueToken.Generate();
        var rotation = await runtime.Store.RotateRefreshTokenAsync(
            OpaqueToken.Hash(body.RefreshToken.Trim()), OpaqueToken.Hash(replacement), now, now + runtime.Options.RefreshTokenLifetime, context.RequestAborted).ConfigureAwait(false);
        switch (rotation.Status)
        {
            case RefreshRotationStatus.Reused:
                AuthServerLog.RefreshReuseDetected(runtime.Logger, rotation.UserId!);
                return ApiError.Unauthorized(ErrorCodes.RefreshTokenReused, "The refresh token was already used; the session has been revoked. Log in again.");
            case RefreshRotationStatus.Invalid:
                return invalid;
        }

        var user = await runtime.Store.FindUserByIdAsync(rotation.UserId!, context.RequestAborted).ConfigureAwait(false);
        if (user is null || !user.IsActive)
        {
            await runtime.Store.RevokeAllRefreshTokensAsync(rotation.UserId!, now, context.RequestAborted).ConfigureAwait(false);
            return user is null ? invalid : ApiError.Forbidden(ErrorCodes.AccountInactive, "This account is deactivated.");
        }

        AuthServerLog.RefreshRotated(runtime.Logger, user.Id);
        return TypedResults.Json(SessionIssuer.CreateResponse(runtime, user, replacement), AuthServerJsonContext.Default.AuthResponse);
    }

    /// <summary>
    /// Revokes the session of the refresh token in the body; without one, revokes every session of the
    /// user of the bearer token. Either credential suffices, so a client whose access token expired can still log out.
    /// </summary>
    public static async Task<IResult> LogoutAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        string? refreshToken = null;
        if (HasBody(context.Request))
        {
            var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.RefreshTokenRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            refreshToken = string.IsNullOrWhiteSpace(body!.RefreshToken) ? null : body.RefreshToken.Trim();
        }

        var now = runtime.Time.GetUtcNow();
        if (refreshToken is not null && refreshToken.Length <= OpaqueToken.MaximumTextLength
            && await runtime.Store.RevokeRefreshFamilyAsync(OpaqueToken.Hash(refreshToken), now, context.RequestAborted).ConfigureAwait(false) is { } owner)
        {
            AuthServerLog.LoggedOut(runtime.Logger, owner, "one session");
            return LoggedOut();
        }

        var (user, authError) = await BearerAuthentication.AuthenticateAsync(context, runtime).ConfigureAwait(false);
        if (user is null)
        {
            return refreshToken is not null && BearerAuthentication.ReadToken(context.Request) is null
                ? ApiError.Unauthorized(ErrorCodes.InvalidToken, "The refresh token is invalid.")
                : authError!;
        }

        if (refreshToken is null)
        {
            await runtime.Store.RevokeAllRefreshTokensAsync(user.Id, now, context.RequestAborted).ConfigureAwait(false);
        }

        AuthServerLog.LoggedOut(runtime.Logger, user.Id, refreshToken is null ? "all sessions" : "unknown refresh token");
        return LoggedOut();
    }

    private static IResult LoggedOut() =>
        TypedResults.Json(new MessageResponse("Logged out."), AuthServerJsonContext.Default.MessageResponse);

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.ContainsKey(HeaderNames.TransferEncoding));
}
