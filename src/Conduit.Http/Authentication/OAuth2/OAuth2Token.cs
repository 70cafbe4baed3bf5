namespace Conduit.Http.Authentication;

/// <summary>An access token and when it expires.</summary>
/// <param name="AccessToken">The token.</param>
/// <param name="TokenType">The token type, normally <c>Bearer</c>.</param>
/// <param name="ExpiresAt">When the token expires.</param>
public sealed record OAuth2Token(string AccessToken, string TokenType, DateTimeOffset ExpiresAt)
{
    /// <summary>Hides the token from <c>ToString</c>, so a logged record leaks nothing.</summary>
    public override string ToString() => $"OAuth2Token {{ TokenType = {TokenType}, ExpiresAt = {ExpiresAt:O} }}";
}
