using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Conduit.AuthServer.Storage;

/// <summary>
/// The store on SQLite. One connection, used by one operation at a time: SQLite allows a single writer
/// anyway, and a private in-memory database (<c>Data Source=:memory:</c>) lives exactly as long as it.
/// Several processes may share a database file (WAL journal, busy timeout).
/// </summary>
internal sealed class SqliteAuthStore(string connectionString, TimeProvider timeProvider) : SqlAuthStore(timeProvider)
{
    /// <summary>Connection string used when none is configured: a private in-memory database.</summary>
    public const string InMemoryConnectionString = "Data Source=:memory:";

    private readonly SqliteConnection _connection = new(connectionString);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _opened;

    public override string ProviderName => "sqlite";

    protected override IReadOnlyList<string> Migrations => SchemaScript.Sqlite;

    protected override async ValueTask<ConnectionLease> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_opened)
            {
                await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var pragma = _connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _opened = true;
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }

        return new ConnectionLease(_connection, _ =>
        {
            _gate.Release();
            return ValueTask.CompletedTask;
        });
    }

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
