namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>POST auth/change-password</c>.</summary>
internal sealed class ChangePasswordRequest
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }
}
