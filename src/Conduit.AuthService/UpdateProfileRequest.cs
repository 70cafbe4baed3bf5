namespace Conduit.AuthService;

/// <summary>
/// Profile changes for <see cref="AuthClient.UpdateProfileAsync(UpdateProfileRequest, CancellationToken)"/>; a
/// <see langword="null"/> field is left unchanged. A new email address is unverified until its new verification token is used.
/// </summary>
public sealed record UpdateProfileRequest
{
    /// <summary>The new first name, or <see langword="null"/> to keep it.</summary>
    public string? FirstName { get; init; }

    /// <summary>The new last name, or <see langword="null"/> to keep it.</summary>
    public string? LastName { get; init; }

    /// <summary>The new email address, or <see langword="null"/> to keep it.</summary>
    public string? Email { get; init; }
}
