using System.Net;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

/// <summary>The HTTP routes on PostgreSQL storage, including two instances sharing one database.</summary>
public sealed class PostgresEndpointTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Lifecycle_OnPostgreSql_RegisterVerifyLoginRefreshReuse()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var server = await TestAuthServer.StartAsync(o => o with { StorageProvider = AuthStorageProvider.PostgreSql, ConnectionString = connectionString });

        var auth = await server.RegisterAsync("pg@example.com");
        var token = await server.LatestTokenAsync("pg@example.com", EmailKind.EmailVerification);
        using (var verified = await server.PostAsync("auth/verify-email", new { token }))
        {
            await Expect.JsonAsync(verified, HttpStatusCode.OK);
        }

        var login = await server.LoginAsync("PG@example.com");
        Assert.True(login.GetProperty("user").GetProperty("is_verified").GetBoolean());
        using (var rotated = await server.PostAsync("auth/refresh", new { refresh_token = login.Str("refresh_token") }))
        {
            await Expect.JsonAsync(rotated, HttpStatusCode.OK);
        }

        using (var reuse = await server.PostAsync("auth/refresh", new { refresh_token = login.Str("refresh_token") }))
        {
            await Expect.ErrorAsync(reuse, HttpStatusCode.Unauthorized, "refresh_token_reused");
        }

        using (var duplicate = await server.PostAsync("auth/register", new { email = "PG@example.com", password = TestAuthServer.Password, first_name = "A", last_name = "B" }))
        {
            await Expect.ErrorAsync(duplicate, HttpStatusCode.Conflict, "email_taken");
        }

        using var health = await server.GetAsync("health");
        Assert.Equal("postgresql: ok", (await Expect.JsonAsync(health, HttpStatusCode.OK)).Str("database"));
        using var me = await server.GetAsync("users/me", auth.Str("access_token"));
        await Expect.JsonAsync(me, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_FailuresOnOneInstance_ThrottleTheOtherInstance()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Func<AuthServerOptions, AuthServerOptions> shared = o => o with { StorageProvider = AuthStorageProvider.PostgreSql, ConnectionString = connectionString, MaxFailedLoginsPerAccount = 2 };
        await using var first = await TestAuthServer.StartAsync(shared);
        await using var second = await TestAuthServer.StartAsync(shared);
        await first.RegisterAsync("lb@example.com");
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await first.PostAsync("auth/login", new { email = "lb@example.com", password = "Wrong-Guess-1!" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var throttled = await second.PostAsync("auth/login", new { email = "lb@example.com", password = TestAuthServer.Password });

        await Expect.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "too_many_requests");
    }

    [Fact]
    public async Task Refresh_ConcurrentOnTwoInstances_ExactlyOneSucceeds()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Func<AuthServerOptions, AuthServerOptions> shared = o => o with { StorageProvider = AuthStorageProvider.PostgreSql, ConnectionString = connectionString };
        await using var first = await TestAuthServer.StartAsync(shared);
        await using var second = await TestAuthServer.StartAsync(shared);
        var auth = await first.RegisterAsync("race@example.com");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? first : second).PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
