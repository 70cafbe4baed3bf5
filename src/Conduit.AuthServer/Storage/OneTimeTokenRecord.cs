namespace Conduit.AuthServer.Storage;

/// <summary>A single-use emailed token row; only its hash is stored.</summary>
internal sealed record OneTimeTokenRecord(string TokenHash, string UserId, OneTimeTokenPurpose Purpose, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
