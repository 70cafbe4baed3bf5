using System.Data.Common;
using Npgsql;

namespace Conduit.AuthServer.Storage;

/// <summary>The store on PostgreSQL; connections come from an Npgsql pool, so operations run concurrently.</summary>
internal sealed class PostgresAuthStore(string connectionString, TimeProvider timeProvider) : SqlAuthStore(timeProvider)
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string ProviderName => "postgresql";

    protected override IReadOnlyList<string> Migrations => SchemaScript.PostgreSql;

    /// <summary>Serialises migrations of instances starting together (lock released at commit).</summary>
    protected override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(7310482951)";

    protected override async ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectionLease(connection, static c => c.DisposeAsync());
    }

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
