namespace Conduit.AuthServer.Contracts;

/// <summary>Body of the development-only <c>PATCH admin/users/{id}</c>.</summary>
internal sealed class AdminUpdateUserRequest
{
    public bool? IsActive { get; set; }

    public bool? IsVerified { get; set; }

    public string? Role { get; set; }
}
