namespace Conduit.AuthServer;

/// <summary>The database that holds users, tokens, throttling state and the email outbox.</summary>
public enum AuthStorageProvider
{
    /// <summary>SQLite through <c>Microsoft.Data.Sqlite</c>: a file, or a private in-memory database.</summary>
    Sqlite,

    /// <summary>PostgreSQL through <c>Npgsql</c>, for several instances behind a load balancer.</summary>
    PostgreSql,
}
