using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Json;
using Conduit.AuthServer.Logging;
using Conduit.AuthServer.Security;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Conduit.AuthServer.Endpoints;

/// <summary><c>POST auth/change-password</c>, <c>POST auth/forgot-password</c> and <c>POST auth/reset-password</c>.</summary>
internal static class PasswordEndpoints
{
    /// <summary>The one answer of forgot-password, whether or not the account exists.</summary>
    public const string ForgotPasswordMessage = "If an account exists for this email address, a password reset email has been sent.";

    /// <summary>Changes the password of the bearer's account, revokes every session and returns a new one.</summary>
    public static async Task<IResult> ChangePasswordAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (user, authError) = await BearerAuthentication.AuthenticateAsync(context, runtime).ConfigureAwait(false);
        if (user is null)
        {
            return authError!;
        }

        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.ChangePasswordRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(body!.CurrentPassword))
        {
            errors.Add("current_password", "is required");
        }

        if (errors.Require("new_password", body.NewPassword) && runtime.PasswordPolicy.Check(body.NewPassword!) is { } weakness)
        {
            errors.Add("new_password", weakness);
        }
        else if (body.NewPassword is not null && string.Equals(body.NewPassword, body.CurrentPassword, StringComparison.Ordinal))
        {
            errors.Add("new_password", "must differ from the current password");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var cancellationToken = context.RequestAborted;
        var accountKey = LoginThrottle.AccountKey(user.NormalizedEmail);
        if (await runtime.Throttle.ReserveAccountAttemptAsync(accountKey, cancellationToken).ConfigureAwait(false) is { } wait)
        {
            return ApiError.TooManyRequests(wait);
        }

        if (body.CurrentPassword!.Length > runtime.Options.PasswordPolicy.MaximumLength
            || runtime.Passwords.Verify(user.PasswordHash, body.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            return ApiError.Validation("current_password", "is incorrect");
        }

        await runtime.Throttle.ResetAccountAsync(accountKey, cancellationToken).ConfigureAwait(false);
        var now = runtime.Time.GetUtcNow();
        user = user with { PasswordHash = runtime.Passwords.Hash(body.NewPassword!), UpdatedAt = now };
        await runtime.Store.TryUpdateUserAsync(user, cancellationToken).ConfigureAwait(false);
        var revoked = await runtime.Store.RevokeAllRefreshTokensAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
        await runtime.Store.InvalidateOneTimeTokensAsync(user.Id, OneTimeTokenPurpose.PasswordReset, now, cancellationToken).ConfigureAwait(false);
        AuthServerLog.PasswordChanged(runtime.Logger, user.Id, revoked);
        var session = await SessionIssuer.StartSessionAsync(runtime, user, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(session, AuthServerJsonContext.Default.AuthResponse);
    }

    /// <summary>Emails a reset token when the account exists and is active; answers the same either way.</summary>
    public static async Task<IResult> ForgotPasswordAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.ForgotPasswordRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Email))
        {
            return ApiError.Validation("email", "is required");
        }

        if (!EmailAddressRules.IsValid(body.Email.Trim()))
        {
            return ApiError.Validation("email", "is not a valid email address");
        }

        var user = await runtime.Store.FindUserByEmailAsync(EmailAddressRules.Normalize(body.Email), context.RequestAborted).ConfigureAwait(false);
        if (user is { IsActive: true })
        {
            var now = runtime.Time.GetUtcNow();
            await runtime.Store.InvalidateOneTimeTokensAsync(user.Id, OneTimeTokenPurpose.PasswordReset, now, context.RequestAborted).ConfigureAwait(false);
            await SessionIssuer.SendOneTimeTokenAsync(runtime, user, OneTimeTokenPurpose.PasswordReset, context.RequestAborted).ConfigureAwait(false);
            AuthServerLog.PasswordResetRequested(runtime.Logger, user.Id);
        }

        return TypedResults.Json(new MessageResponse(ForgotPasswordMessage), AuthServerJsonContext.Default.MessageResponse);
    }

    /// <summary>Sets a new password with an emailed reset token; revokes every session.</summary>
    public static async Task<IResult> ResetPasswordAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.ResetPasswordRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var errors = new FieldErrors();
        errors.Require("token", body!.Token);
        if (errors.Require("new_password", body.NewPassword) && runtime.PasswordPolicy.Check(body.NewPassword!) is { } weakness)
        {
            errors.Add("new_password", weakness);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var cancellationToken = context.RequestAborted;
        var now = runtime.Time.GetUtcNow();
        var userId = body.Token!.Length > OpaqueToken.MaximumTextLength
            ? null
            : await runtime.Store.ConsumeOneTimeTokenAsync(OpaqueToken.Hash(body.Token.Trim()), OneTimeTokenPurpose.PasswordReset, now, cancellationToken).ConfigureAwait(false);
        var user = userId is null ? null : await runtime.Store.FindUserByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return ApiError.Validation("token", "is invalid, used or expired");
        }

        // Receiving the email proves the address, so the account counts as verified from here on.
        user = user with { PasswordHash = runtime.Passwords.Hash(body.NewPassword!), IsVerified = true, UpdatedAt = now };
        await runtime.Store.TryUpdateUserAsync(user, cancellationToken).ConfigureAwait(false);
        var revoked = await runtime.Store.RevokeAllRefreshTokensAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
        await runtime.Store.InvalidateOneTimeTokensAsync(user.Id, OneTimeTokenPurpose.PasswordReset, now, cancellationToken).ConfigureAwait(false);
        await runtime.Throttle.ResetAccountAsync(LoginThrottle.AccountKey(user.NormalizedEmail), cancellationToken).ConfigureAwait(false);
        AuthServerLog.PasswordReset(runtime.Logger, user.Id, revoked);
        return TypedResults.Json(new MessageResponse("Password reset; log in with the new password."), AuthServerJsonContext.Default.MessageResponse);
    }
}
