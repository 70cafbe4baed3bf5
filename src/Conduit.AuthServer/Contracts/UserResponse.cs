namespace Conduit.AuthServer.Contracts;

/// <summary>A user as the API shows it (never with the password hash).</summary>
internal sealed record UserResponse(
    string Id,
    string Email,
    string FirstName,
    string LastName,
    bool IsActive,
    bool IsVerified,
    string Role,
    DateTime CreatedAt,
    DateTime UpdatedAt);
