namespace Conduit.AuthServer.Tokens;

/// <summary>A signed access token and when it expires.</summary>
internal readonly record struct IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);
