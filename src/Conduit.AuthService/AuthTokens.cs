namespace Conduit.AuthService;

/// <summary>The tokens of a session, as an <see cref="IAuthTokenStore"/> keeps them.</summary>
/// <param name="AccessToken">The JWT access token.</param>
/// <param name="RefreshToken">The single-use refresh token.</param>
/// <param name="TokenType">The token type, normally <c>Bearer</c>.</param>
/// <param name="ExpiresAt">When the access token expires, by the client's clock.</param>
/// <remarks><see cref="ToString"/> hides both tokens.</remarks>
public sealed record AuthTokens(string AccessToken, string RefreshToken, string TokenType, DateTimeOffset ExpiresAt)
{
    /// <summary>Describes the tokens without their values.</summary>
    /// <returns>A one-line description safe for logs.</returns>
    public override string ToString() => $"AuthTokens {{ TokenType = {TokenType}, ExpiresAt = {ExpiresAt:O} }}";
}
