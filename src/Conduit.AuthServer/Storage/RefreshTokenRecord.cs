namespace Conduit.AuthServer.Storage;

/// <summary>A refresh token row; only the SHA-256 hash of the token is stored.</summary>
/// <param name="TokenHash">Hash of the token (see <c>OpaqueToken.Hash</c>).</param>
/// <param name="UserId">Owner.</param>
/// <param name="FamilyId">Login session the token belongs to; all its rotations share the family.</param>
/// <param name="CreatedAt">When the token was issued.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
internal sealed record RefreshTokenRecord(string TokenHash, string UserId, string FamilyId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
