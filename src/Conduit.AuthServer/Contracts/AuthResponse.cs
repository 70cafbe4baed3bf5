namespace Conduit.AuthServer.Contracts;

/// <summary>A new session: returned by register, login, refresh and change-password.</summary>
internal sealed record AuthResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, UserResponse User);
