namespace Conduit.AuthServer.Storage;

/// <summary>
/// The schema migrations, written once with placeholders for the few types the dialects spell
/// differently: <c>{bool}</c>, <c>{bigint}</c> and <c>{identity}</c> (an auto-numbered primary key).
/// </summary>
internal static class SchemaScript
{
    private static readonly string[] Templates =
    [
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            email TEXT NOT NULL,
            email_normalized TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            is_active {bool} NOT NULL,
            is_verified {bool} NOT NULL,
            role TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            updated_at {bigint} NOT NULL);
        CREATE TABLE refresh_tokens (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            family_id TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            expires_at {bigint} NOT NULL,
            revoked_at {bigint} NULL,
            replaced_by_hash TEXT NULL);
        CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);
        CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
        CREATE TABLE one_time_tokens (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            created_at {bigint} NOT NULL,
            expires_at {bigint} NOT NULL,
            used_at {bigint} NULL);
        CREATE INDEX ix_one_time_tokens_user ON one_time_tokens (user_id, purpose);
        CREATE TABLE login_throttle (
            throttle_key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            window_started_at {bigint} NOT NULL);
        CREATE TABLE email_outbox (
            id {identity},
            recipient TEXT NOT NULL,
            recipient_normalized TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            kind TEXT NOT NULL,
            token TEXT NOT NULL,
            created_at {bigint} NOT NULL);
        CREATE INDEX ix_email_outbox_recipient ON email_outbox (recipient_normalized);
        """,
    ];

    /// <summary>The migrations with SQLite types.</summary>
    public static IReadOnlyList<string> Sqlite { get; } = Render("INTEGER", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT");

    /// <summary>The migrations with PostgreSQL types.</summary>
    public static IReadOnlyList<string> PostgreSql { get; } = Render("BOOLEAN", "BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    private static string[] Render(string boolean, string bigint, string identity) =>
        [.. Templates.Select(t => t
            .Replace("{bool}", boolean, StringComparison.Ordinal)
            .Replace("{bigint}", bigint, StringComparison.Ordinal)
            .Replace("{identity}", identity, StringComparison.Ordinal))];
}
