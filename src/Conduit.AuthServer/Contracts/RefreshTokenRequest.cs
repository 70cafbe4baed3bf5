namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/refresh</c> and (optionally) <c>POST auth/logout</c>.</summary>
internal sealed class RefreshTokenRequest
{
    public string? RefreshToken { get; set; }
}
