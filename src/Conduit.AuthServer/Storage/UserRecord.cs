namespace Conduit.AuthServer.Storage;

/// <summary>A user row.</summary>
internal sealed record UserRecord(
    string Id,
    string Email,
    string NormalizedEmail,
    string PasswordHash,
    string FirstName,
    string LastName,
    bool IsActive,
    bool IsVerified,
    string Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
