using Conduit.AuthServer.Json;
using Conduit.AuthServer.Logging;
using Conduit.AuthServer.Security;
using Conduit.AuthServer.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Conduit.AuthServer.Endpoints;

/// <summary><c>GET users/me</c> and <c>PATCH users/me</c>.</summary>
internal static class UserEndpoints
{
    public static async Task<IResult> GetCurrentUserAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (user, error) = await BearerAuthentication.AuthenticateAsync(context, runtime).ConfigureAwait(false);
        return user is null ? error! : TypedResults.Json(user.ToResponse(), AuthServerJsonContext.Default.UserResponse);
    }

    /// <summary>Updates names and email; a new email is unverified until its new verification token is used.</summary>
    public static async Task<IResult> UpdateCurrentUserAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (user, authError) = await BearerAuthentication.AuthenticateAsync(context, runtime).ConfigureAwait(false);
        if (user is null)
        {
            return authError!;
        }

        var (body, error) = await JsonBody.ReadAsync(context, StrictAuthServerJsonContext.Default.UpdateProfileRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var errors = new FieldErrors();
        if (body!.Email is not null && !EmailAddressRules.IsValid(body.Email.Trim()))
        {
            errors.Add("email", "is not a valid email address");
        }

        CheckName(errors, "first_name", body.FirstName);
        CheckName(errors, "last_name", body.LastName);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var now = runtime.Time.GetUtcNow();
        var email = body.Email?.Trim() ?? user.Email;
        var emailChanged = !string.Equals(EmailAddressRules.Normalize(email), user.NormalizedEmail, StringComparison.Ordinal);
        var updated = user with
        {
            Email = email,
            NormalizedEmail = EmailAddressRules.Normalize(email),
            FirstName = body.FirstName?.Trim() ?? user.FirstName,
            LastName = body.LastName?.Trim() ?? user.LastName,
            IsVerified = user.IsVerified && !emailChanged,
        };
        if (updated != user)
        {
            updated = updated with { UpdatedAt = now };
            if (!await runtime.Store.TryUpdateUserAsync(updated, context.RequestAborted).ConfigureAwait(false))
            {
                return ApiError.EmailTaken();
            }

            if (emailChanged)
            {
                await runtime.Store.InvalidateOneTimeTokensAsync(user.Id, OneTimeTokenPurpose.EmailVerification, now, context.RequestAborted).ConfigureAwait(false);
                await runtime.Store.InvalidateOneTimeTokensAsync(user.Id, OneTimeTokenPurpose.PasswordReset, now, context.RequestAborted).ConfigureAwait(false);
                await SessionIssuer.SendOneTimeTokenAsync(runtime, updated, OneTimeTokenPurpose.EmailVerification, context.RequestAborted).ConfigureAwait(false);
            }

            AuthServerLog.ProfileUpdated(runtime.Logger, user.Id);
        }

        return TypedResults.Json(updated.ToResponse(), AuthServerJsonContext.Default.UserResponse);
    }

    private static void CheckName(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "must not be blank");
        }

        errors.MaxLength(field, value.Trim(), RegistrationEndpoints.MaximumNameLength);
    }
}
