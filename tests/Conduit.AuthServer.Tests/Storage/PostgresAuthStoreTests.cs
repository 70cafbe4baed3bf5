using Conduit.AuthServer.Storage;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Storage;

/// <summary>The store contract against a real PostgreSQL server; skipped when PostgreSQL is not installed.</summary>
public sealed class PostgresAuthStoreTests(PostgresServerFixture postgres) : AuthStoreContractTests
{
    private protected override async Task<SqlAuthStore> CreateStoreAsync()
    {
        var store = new PostgresAuthStore(await postgres.CreateDatabaseAsync(), TimeProvider.System);
        await store.InitializeAsync(Cancel);
        return store;
    }

    [Fact]
    public async Task InitializeAsync_SeveralInstancesAtOnce_MigrateOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresAuthStore(connectionString, TimeProvider.System)).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(s => s.InitializeAsync(Cancel)));

            Assert.All(await Task.WhenAll(stores.Select(s => s.PingAsync(Cancel))), Assert.True);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
