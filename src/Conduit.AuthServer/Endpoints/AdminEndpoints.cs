using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Json;
using Conduit.AuthServer.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Conduit.AuthServer.Endpoints;

/// <summary>
/// Development/sandbox-only routes (mapped only when <see cref="AuthServerOptions.DevelopmentMode"/> is on):
/// <c>GET admin/outbox</c> and <c>PATCH admin/users/{id}</c>. They are unauthenticated by design.
/// </summary>
internal static class AdminEndpoints
{
    public static async Task<IResult> ListOutboxAsync(HttpContext context, [FromServices] AuthServerRuntime runtime, [FromQuery] string? email)
    {
        var messages = await runtime.Store.ListOutboxAsync(email is null ? null : EmailAddressRules.Normalize(email), context.RequestAborted).ConfigureAwait(false);
        var body = new OutboxResponse([.. messages.Select(m => new OutboxMessageResponse(
            m.Id, m.To, m.Subject, m.Body, m.Kind == EmailKind.PasswordReset ? "password_reset" : "email_verification", m.Token, m.CreatedAt.UtcDateTime))]);
        return TypedResults.Json(body, AuthServerJsonContext.Default.OutboxResponse);
    }

    public static async Task<IResult> UpdateUserAsync(HttpContext context, [FromServices] AuthServerRuntime runtime, string id)
    {
        var (body, error) = await JsonBody.ReadAsync(context, StrictAuthServerJsonContext.Default.AdminUpdateUserRequest, runtime.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (body!.Role is not null && string.IsNullOrWhiteSpace(body.Role))
        {
            return ApiError.Validation("role", "must not be blank");
        }

        var user = await runtime.Store.FindUserByIdAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            return ApiError.NotFound("No user has this id.");
        }

        var now = runtime.Time.GetUtcNow();
        user = user with
        {
            IsActive = body.IsActive ?? user.IsActive,
            IsVerified = body.IsVerified ?? user.IsVerified,
            Role = body.Role?.Trim() ?? user.Role,
            UpdatedAt = now,
        };
        await runtime.Store.TryUpdateUserAsync(user, context.RequestAborted).ConfigureAwait(false);
        if (!user.IsActive)
        {
            await runtime.Store.RevokeAllRefreshTokensAsync(user.Id, now, context.RequestAborted).ConfigureAwait(false);
        }

        return TypedResults.Json(user.ToResponse(), AuthServerJsonContext.Default.UserResponse);
    }
}
