namespace Conduit.AuthService;

/// <summary>A new session, returned by register, login, refresh and change-password.</summary>
/// <remarks><see cref="ToString"/> hides both tokens, so a logged response leaks nothing.</remarks>
public sealed record AuthResponse
{
    /// <summary>The short-lived JWT access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The token type, normally <c>Bearer</c>.</summary>
    public string TokenType { get; init; } = "Bearer";

    /// <summary>Seconds until <see cref="AccessToken"/> expires, counted from when the server issued it.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>The single-use refresh token (rotated on every refresh).</summary>
    public required string RefreshToken { get; init; }

    /// <summary>The user the session belongs to.</summary>
    public required User User { get; init; }

    /// <summary>Describes the session without its tokens.</summary>
    /// <returns>A one-line description safe for logs.</returns>
    public override string ToString() =>
        $"AuthResponse {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, AccessToken = [REDACTED], RefreshToken = [REDACTED], User = {User} }}";
}
