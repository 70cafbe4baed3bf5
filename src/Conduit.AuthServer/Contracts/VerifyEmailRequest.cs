namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/verify-email</c>.</summary>
internal sealed class VerifyEmailRequest
{
    public string? Token { get; set; }
}
