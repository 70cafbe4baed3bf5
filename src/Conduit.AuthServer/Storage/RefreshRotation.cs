namespace Conduit.AuthServer.Storage;

/// <summary>Outcome of presenting a refresh token for rotation.</summary>
internal enum RefreshRotationStatus
{
    /// <summary>The token was active; it is now revoked and the replacement stored.</summary>
    Rotated,

    /// <summary>The token had already been rotated (or lost a race to rotate it); its whole family is now revoked.</summary>
    Reused,

    /// <summary>The token is unknown, expired, or revoked by logout or a password change.</summary>
    Invalid,
}

/// <summary>Outcome of a rotation and, unless <see cref="RefreshRotationStatus.Invalid"/>, the token's owner.</summary>
internal readonly record struct RefreshRotation(RefreshRotationStatus Status, string? UserId);
