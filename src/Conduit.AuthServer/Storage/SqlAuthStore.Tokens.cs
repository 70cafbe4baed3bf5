using System.Data.Common;
using static Conduit.AuthServer.Storage.SqlCommands;

namespace Conduit.AuthServer.Storage;

/// <summary>Refresh tokens and single-use emailed tokens.</summary>
internal abstract partial class SqlAuthStore
{
    public async Task AddRefreshTokenAsync(RefreshTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await InsertRefreshTokenAsync(lease.Connection, null, token, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RefreshRotation> RotateRefreshTokenAsync(string presentedHash, string replacementHash, DateTimeOffset now, DateTimeOffset replacementExpiresAt, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string userId;
        string familyId;
        long expiresAt;
        bool revoked;
        bool rotated;
        await using (var select = Create(connection, transaction,
            "SELECT user_id, family_id, expires_at, revoked_at, replaced_by_hash FROM refresh_tokens WHERE token_hash = @hash", ("@hash", presentedHash)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new RefreshRotation(RefreshRotationStatus.Invalid, null);
            }

            userId = reader.GetString(0);
            familyId = reader.GetString(1);
            expiresAt = reader.GetInt64(2);
            revoked = !reader.IsDBNull(3);
            rotated = !reader.IsDBNull(4);
        }

        // Revoked by logout or a password change (not by rotation): refused, nothing more to revoke.
        if ((revoked && !rotated) || (!revoked && expiresAt <= ToUnixMs(now)))
        {
            return new RefreshRotation(RefreshRotationStatus.Invalid, userId);
        }

        // The conditional update is what makes rotation single-use when two requests race.
        var claimed = !revoked && await ExecuteAsync(connection, transaction,
            "UPDATE refresh_tokens SET revoked_at = @now, replaced_by_hash = @replacement WHERE token_hash = @hash AND revoked_at IS NULL",
            cancellationToken, ("@now", ToUnixMs(now)), ("@replacement", replacementHash), ("@hash", presentedHash)).ConfigureAwait(false) == 1;
        if (!claimed)
        {
            await RevokeFamilyAsync(connection, transaction, familyId, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new RefreshRotation(RefreshRotationStatus.Reused, userId);
        }

        await InsertRefreshTokenAsync(connection, transaction, new RefreshTokenRecord(replacementHash, userId, familyId, now, replacementExpiresAt), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RefreshRotation(RefreshRotationStatus.Rotated, userId);
    }

    public async Task<string?> RevokeRefreshFamilyAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        string userId;
        string familyId;
        await using (var select = Create(connection, null, "SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = @hash", ("@hash", tokenHash)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            userId = reader.GetString(0);
            familyId = reader.GetString(1);
        }

        await RevokeFamilyAsync(connection, null, familyId, now, cancellationToken).ConfigureAwait(false);
        return userId;
    }

    public async Task<int> RevokeAllRefreshTokensAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(lease.Connection, null,
            "UPDATE refresh_tokens SET revoked_at = @now WHERE user_id = @user AND revoked_at IS NULL",
            cancellationToken, ("@now", ToUnixMs(now)), ("@user", userId)).ConfigureAwait(false);
    }

    public async Task AddOneTimeTokenAsync(OneTimeTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(lease.Connection, null,
            "INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (@hash, @user, @purpose, @created, @expires)",
            cancellationToken, ("@hash", token.TokenHash), ("@user", token.UserId), ("@purpose", PurposeName(token.Purpose)),
            ("@created", ToUnixMs(token.CreatedAt)), ("@expires", ToUnixMs(token.ExpiresAt))).ConfigureAwait(false);
    }

    public async Task<string?> ConsumeOneTimeTokenAsync(string tokenHash, OneTimeTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Create(lease.Connection, null,
            "UPDATE one_time_tokens SET used_at = @now WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now RETURNING user_id",
            ("@now", ToUnixMs(now)), ("@hash", tokenHash), ("@purpose", PurposeName(purpose)));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task InvalidateOneTimeTokensAsync(string userId, OneTimeTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(lease.Connection, null,
            "UPDATE one_time_tokens SET used_at = @now WHERE user_id = @user AND purpose = @purpose AND used_at IS NULL",
            cancellationToken, ("@now", ToUnixMs(now)), ("@user", userId), ("@purpose", PurposeName(purpose))).ConfigureAwait(false);
    }

    private static Task<int> InsertRefreshTokenAsync(DbConnection connection, DbTransaction? transaction, RefreshTokenRecord token, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            "INSERT INTO refresh_tokens (token_hash, user_id, family_id, created_at, expires_at) VALUES (@hash, @user, @family, @created, @expires)",
            cancellationToken, ("@hash", token.TokenHash), ("@user", token.UserId), ("@family", token.FamilyId),
            ("@created", ToUnixMs(token.CreatedAt)), ("@expires", ToUnixMs(token.ExpiresAt)));

    private static Task<int> RevokeFamilyAsync(DbConnection connection, DbTransaction? transaction, string familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @family AND revoked_at IS NULL",
            cancellationToken, ("@now", ToUnixMs(now)), ("@family", familyId));

    private static string PurposeName(OneTimeTokenPurpose purpose) => purpose switch
    {
        OneTimeTokenPurpose.EmailVerification => "email_verification",
        OneTimeTokenPurpose.PasswordReset => "password_reset",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
