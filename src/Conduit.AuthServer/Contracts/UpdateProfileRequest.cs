namespace Conduit.AuthServer.Contracts;

/// <summary>Body of <c>PATCH users/me</c>; absent fields are left unchanged, unknown fields are refused.</summary>
internal sealed class UpdateProfileRequest
{
    public string? Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }
}
