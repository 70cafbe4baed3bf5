using System.Data.Common;
using static Conduit.AuthServer.Storage.SqlCommands;

namespace Conduit.AuthServer.Storage;

/// <summary>
/// The store on a relational database. The SQL is written once in the dialect SQLite and PostgreSQL share
/// (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>@name</c> parameters); subclasses supply connections, the
/// schema migrations and the detection of unique-constraint violations. Times are Unix milliseconds.
/// </summary>
internal abstract partial class SqlAuthStore(TimeProvider timeProvider) : IAuthStore
{
    private const string UserColumns =
        "id, email, email_normalized, password_hash, first_name, last_name, is_active, is_verified, role, created_at, updated_at";

    public abstract string ProviderName { get; }

    /// <summary>Schema migrations in order; migration <c>i</c> brings the schema to version <c>i + 1</c>.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>Statement run first in the migration transaction to keep other instances out, or <see langword="null"/>.</summary>
    protected virtual string? MigrationLockSql => null;

    /// <summary>Borrows an open connection.</summary>
    protected abstract ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> reports a unique-constraint violation.</summary>
    protected abstract bool IsUniqueViolation(DbException exception);

    public abstract ValueTask DisposeAsync();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (MigrationLockSql is { } lockSql)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using var versionCommand = Create(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        var current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)", cancellationToken,
                ("@version", version), ("@now", ToUnixMs(timeProvider.GetUtcNow()))).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Create(lease.Connection, null, "SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (DbException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public async Task<bool> TryAddUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(lease.Connection, null,
                $"INSERT INTO users ({UserColumns}) VALUES (@id, @email, @email_normalized, @password_hash, @first_name, @last_name, @is_active, @is_verified, @role, @created_at, @updated_at)",
                cancellationToken, UserParameters(user)).ConfigureAwait(false);
            return true;
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            return false;
        }
    }

    public Task<UserRecord?> FindUserByIdAsync(string id, CancellationToken cancellationToken) =>
        FindUserAsync($"SELECT {UserColumns} FROM users WHERE id = @value", id, cancellationToken);

    public Task<UserRecord?> FindUserByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindUserAsync($"SELECT {UserColumns} FROM users WHERE email_normalized = @value", normalizedEmail, cancellationToken);

    public async Task<bool> TryUpdateUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(lease.Connection, null,
                "UPDATE users SET email = @email, email_normalized = @email_normalized, password_hash = @password_hash, first_name = @first_name, " +
                "last_name = @last_name, is_active = @is_active, is_verified = @is_verified, role = @role, created_at = @created_at, updated_at = @updated_at WHERE id = @id",
                cancellationToken, UserParameters(user)).ConfigureAwait(false);
            return true;
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            return false;
        }
    }

    private async Task<UserRecord?> FindUserAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Create(lease.Connection, null, sql, ("@value", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new UserRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetBoolean(6),
            reader.GetBoolean(7),
            reader.GetString(8),
            FromUnixMs(reader.GetInt64(9)),
            FromUnixMs(reader.GetInt64(10)));
    }

    private static (string, object?)[] UserParameters(UserRecord user) =>
    [
        ("@id", user.Id),
        ("@email", user.Email),
        ("@email_normalized", user.NormalizedEmail),
        ("@password_hash", user.PasswordHash),
        ("@first_name", user.FirstName),
        ("@last_name", user.LastName),
        ("@is_active", user.IsActive),
        ("@is_verified", user.IsVerified),
        ("@role", user.Role),
        ("@created_at", ToUnixMs(user.CreatedAt)),
        ("@updated_at", ToUnixMs(user.UpdatedAt)),
    ];
}
