namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/forgot-password</c>.</summary>
internal sealed class ForgotPasswordRequest
{
    public string? Email { get; set; }
}
