namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/login</c>.</summary>
internal sealed class LoginRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
