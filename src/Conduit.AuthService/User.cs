using System.Text.Json.Serialization;

namespace Conduit.AuthService;

/// <summary>A user account as the auth service shows it (never with a password or hash).</summary>
public sealed record User
{
    /// <summary>The account's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The email address the account logs in with.</summary>
    public required string Email { get; init; }

    /// <summary>The first name.</summary>
    public required string FirstName { get; init; }

    /// <summary>The last name.</summary>
    public required string LastName { get; init; }

    /// <summary>Whether the account may log in.</summary>
    public bool IsActive { get; init; }

    /// <summary>Whether the email address has been verified.</summary>
    public bool IsVerified { get; init; }

    /// <summary>The account's role, e.g. <c>user</c> or <c>admin</c>.</summary>
    public string Role { get; init; } = string.Empty;

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the account was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The first and last name separated by a space.</summary>
    [JsonIgnore]
    public string FullName => $"{FirstName} {LastName}".Trim();
}
