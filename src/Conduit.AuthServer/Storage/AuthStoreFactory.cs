namespace Conduit.AuthServer.Storage;

/// <summary>Creates the store the options ask for.</summary>
internal static class AuthStoreFactory
{
    public static SqlAuthStore Create(AuthServerOptions options) => options.StorageProvider switch
    {
        AuthStorageProvider.PostgreSql => new PostgresAuthStore(options.ConnectionString!, options.TimeProvider),
        _ => new SqliteAuthStore(options.ConnectionString ?? SqliteAuthStore.InMemoryConnectionString, options.TimeProvider),
    };
}
