namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/reset-password</c>.</summary>
internal sealed class ResetPasswordRequest
{
    public string? Token { get; set; }

    public string? NewPassword { get; set; }
}
