using System.Net;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class LoginThrottleTests
{
    [Fact]
    public async Task Login_TooManyFailuresForAccount_Returns429UntilWindowEnds()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { MaxFailedLoginsPerAccount = 3 });
        await server.RegisterAsync("target@example.com");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await server.PostAsync("auth/login", new { email = "target@example.com", password = "Wrong-Guess-1!" });
            await Expect.ErrorAsync(wrong, HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using (var throttled = await server.PostAsync("auth/login", new { email = "TARGET@example.com", password = TestAuthServer.Password }))
        {
            await Expect.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "too_many_requests");
            Assert.Equal(TimeSpan.FromMinutes(15), throttled.Headers.RetryAfter?.Delta);
        }

        server.Time.Advance(TimeSpan.FromMinutes(15));
        await server.LoginAsync("target@example.com");
    }

    [Fact]
    public async Task Login_SuccessAfterFailures_ResetsAccountCount()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { MaxFailedLoginsPerAccount = 2 });
        await server.RegisterAsync("reset@example.com");

        for (var round = 0; round < 3; round++)
        {
            using var wrong = await server.PostAsync("auth/login", new { email = "reset@example.com", password = "Wrong-Guess-1!" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            await server.LoginAsync("reset@example.com");
        }
    }

    [Fact]
    public async Task Login_TooManyFailuresFromOneAddress_Returns429ForEveryAccount()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { MaxFailedLoginsPerIp = 3 });
        await server.RegisterAsync("innocent@example.com");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await server.PostAsync("auth/login", new { email = $"victim{i}@example.com", password = "Wrong-Guess-1!" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var throttled = await server.PostAsync("auth/login", new { email = "innocent@example.com", password = TestAuthServer.Password });

        await Expect.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Fact]
    public async Task Login_ParallelGuesses_NeverExceedAccountLimit()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { MaxFailedLoginsPerAccount = 3 });
        await server.RegisterAsync("parallel@example.com");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            server.PostAsync("auth/login", new { email = "parallel@example.com", password = "Wrong-Guess-1!" })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Login_FailuresOnOneInstance_ThrottleAnotherInstanceSharingTheDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"conduit-auth-{Guid.NewGuid():N}.db");
        try
        {
            Func<AuthServerOptions, AuthServerOptions> shared = o => o with { ConnectionString = $"Data Source={file};Pooling=False", MaxFailedLoginsPerAccount = 2 };
            await using var first = await TestAuthServer.StartAsync(shared);
            await using var second = await TestAuthServer.StartAsync(shared);
            await first.RegisterAsync("shared@example.com");
            for (var i = 0; i < 2; i++)
            {
                using var wrong = await first.PostAsync("auth/login", new { email = "shared@example.com", password = "Wrong-Guess-1!" });
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }

            using var throttled = await second.PostAsync("auth/login", new { email = "shared@example.com", password = TestAuthServer.Password });

            await Expect.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "too_many_requests");
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task Login_InactiveUserWithCorrectPassword_Returns403()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("inactive@example.com");
        using (var deactivated = await server.PatchAsync($"admin/users/{auth.GetProperty("user").Str("id")}", new { is_active = false }))
        {
            await Expect.JsonAsync(deactivated, HttpStatusCode.OK);
        }

        using var response = await server.PostAsync("auth/login", new { email = "inactive@example.com", password = TestAuthServer.Password });

        await Expect.ErrorAsync(response, HttpStatusCode.Forbidden, "account_inactive");
    }

    [Fact]
    public async Task Login_InactiveUserWithWrongPassword_Returns401WithoutRevealingState()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("hidden@example.com");
        using (var deactivated = await server.PatchAsync($"admin/users/{auth.GetProperty("user").Str("id")}", new { is_active = false }))
        {
            await Expect.JsonAsync(deactivated, HttpStatusCode.OK);
        }

        using var response = await server.PostAsync("auth/login", new { email = "hidden@example.com", password = "Wrong-Guess-1!" });

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Login_UnverifiedUserWhenVerificationRequired_Returns403()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { RequireVerifiedEmail = true });
        await server.RegisterAsync("unverified@example.com");

        using var response = await server.PostAsync("auth/login", new { email = "unverified@example.com", password = TestAuthServer.Password });

        await Expect.ErrorAsync(response, HttpStatusCode.Forbidden, "email_not_verified");
    }
}
