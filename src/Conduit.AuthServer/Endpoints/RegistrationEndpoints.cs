using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Json;
using Conduit.AuthServer.Logging;
using Conduit.AuthServer.Security;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Conduit.AuthServer.Endpoints;

/// <summary><c>POST auth/register</c> and <c>POST auth/verify-email</c>.</summary>
internal static class RegistrationEndpoints
{
    /// <summary>Longest first or last name accepted.</summary>
    public const int MaximumNameLength = 100;

    public static async Task<IResult> RegisterAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.RegisterRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var errors = new FieldErrors();
        if (errors.Require("email", body!.Email) && !EmailAddressRules.IsValid(body.Email!.Trim()))
        {
            errors.Add("email", "is not a valid email address");
        }

        if (errors.Require("password", body.Password) && runtime.PasswordPolicy.Check(body.Password!) is { } weakness)
        {
            errors.Add("password", weakness);
        }

        errors.Require("first_name", body.FirstName);
        errors.Require("last_name", body.LastName);
        errors.MaxLength("first_name", body.FirstName?.Trim(), MaximumNameLength);
        errors.MaxLength("last_name", body.LastName?.Trim(), MaximumNameLength);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var now = runtime.Time.GetUtcNow();
        var email = body.Email!.Trim();
        var user = new UserRecord(
            Guid.CreateVersion7(now).ToString(),
            email,
            EmailAddressRules.Normalize(email),
            runtime.Passwords.Hash(body.Password!),
            body.FirstName!.Trim(),
            body.LastName!.Trim(),
            IsActive: true,
            IsVerified: false,
            AuthServerDefaults.DefaultRole,
            now,
            now);
        if (!await runtime.Store.TryAddUserAsync(user, context.RequestAborted).ConfigureAwait(false))
        {
            return ApiError.EmailTaken();
        }

        AuthServerLog.UserRegistered(runtime.Logger, user.Id);
        await SessionIssuer.SendOneTimeTokenAsync(runtime, user, OneTimeTokenPurpose.EmailVerification, context.RequestAborted).ConfigureAwait(false);
        var session = await SessionIssuer.StartSessionAsync(runtime, user, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(session, AuthServerJsonContext.Default.AuthResponse, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> VerifyEmailAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var (body, error) = await JsonBody.ReadAsync(context, AuthServerJsonContext.Default.VerifyEmailRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Token))
        {
            return ApiError.Validation("token", "is required");
        }

        var now = runtime.Time.GetUtcNow();
        var userId = body.Token.Length > OpaqueToken.MaximumTextLength
            ? null
            : await runtime.Store.ConsumeOneTimeTokenAsync(OpaqueToken.Hash(body.Token.Trim()), OneTimeTokenPurpose.EmailVerification, now, context.RequestAborted).ConfigureAwait(false);
        var user = userId is null ? null : await runtime.Store.FindUserByIdAsync(userId, context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            return ApiError.Validation("token", "is invalid, used or expired");
        }

        if (!user.IsVerified)
        {
            await runtime.Store.TryUpdateUserAsync(user with { IsVerified = true, UpdatedAt = now }, context.RequestAborted).ConfigureAwait(false);
        }

        AuthServerLog.EmailVerified(runtime.Logger, user.Id);
        return TypedResults.Json(new MessageResponse("Email address verified."), AuthServerJsonContext.Default.MessageResponse);
    }
}
