using Conduit.AuthServer.Storage;

namespace Conduit.AuthServer.Tests.Storage;

public sealed class SqliteAuthStoreTests : AuthStoreContractTests
{
    private protected override async Task<SqlAuthStore> CreateStoreAsync()
    {
        var store = new SqliteAuthStore(SqliteAuthStore.InMemoryConnectionString, TimeProvider.System);
        await store.InitializeAsync(Cancel);
        return store;
    }
}
