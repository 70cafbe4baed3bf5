using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tokens;

namespace Conduit.AuthServer.Endpoints;

/// <summary>Creates sessions (access token + refresh token family) and the emailed single-use tokens.</summary>
internal static class SessionIssuer
{
    public const string TokenType = "Bearer";

    /// <summary>Starts a new refresh-token family for <paramref name="user"/> and returns the session.</summary>
    public static async Task<AuthResponse> StartSessionAsync(AuthServerRuntime runtime, UserRecord user, CancellationToken cancellationToken)
    {
        var now = runtime.Time.GetUtcNow();
        var refreshToken = OpaqueToken.Generate();
        await runtime.Store.AddRefreshTokenAsync(
            new RefreshTokenRecord(OpaqueToken.Hash(refreshToken), user.Id, Guid.CreateVersion7(now).ToString(), now, now + runtime.Options.RefreshTokenLifetime),
            cancellationToken).ConfigureAwait(false);
        return CreateResponse(runtime, user, refreshToken);
    }

    /// <summary>The session body for an already stored refresh token.</summary>
    public static AuthResponse CreateResponse(AuthServerRuntime runtime, UserRecord user, string refreshToken)
    {
        var access = runtime.AccessTokens.Issue(user);
        return new AuthResponse(access.Token, TokenType, (int)runtime.Options.AccessTokenLifetime.TotalSeconds, refreshToken, user.ToResponse());
    }

    /// <summary>Stores a single-use token for <paramref name="user"/> and emails it.</summary>
    public static async Task SendOneTimeTokenAsync(AuthServerRuntime runtime, UserRecord user, OneTimeTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = runtime.Time.GetUtcNow();
        var lifetime = purpose == OneTimeTokenPurpose.PasswordReset
            ? runtime.Options.PasswordResetTokenLifetime
            : runtime.Options.EmailVerificationTokenLifetime;
        var token = OpaqueToken.Generate();
        await runtime.Store.AddOneTimeTokenAsync(new OneTimeTokenRecord(OpaqueToken.Hash(token), user.Id, purpose, now, now + lifetime), cancellationToken).ConfigureAwait(false);
        var message = purpose == OneTimeTokenPurpose.PasswordReset
            ? EmailComposer.PasswordReset(user.Email, token, lifetime)
            : EmailComposer.Verification(user.Email, token, lifetime);
        await runtime.EmailSender.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
