using System.Data.Common;

namespace Conduit.AuthServer.Storage;

/// <summary>A connection borrowed from a store for one operation; disposing gives it back.</summary>
internal sealed class ConnectionLease(DbConnection connection, Func<DbConnection, ValueTask> release) : IAsyncDisposable
{
    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; } = connection;

    public ValueTask DisposeAsync() => release(Connection);
}
