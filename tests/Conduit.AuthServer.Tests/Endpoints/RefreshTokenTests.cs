using System.Net;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class RefreshTokenTests
{
    [Fact]
    public async Task Refresh_ActiveToken_RotatesAndIssuesNewPair()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("rot@example.com");

        using var response = await server.PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") });

        var body = await Expect.JsonAsync(response, HttpStatusCode.OK);
        Assert.NotEqual(auth.Str("refresh_token"), body.Str("refresh_token"));
        Assert.NotEqual(auth.Str("access_token"), body.Str("access_token"));
        Assert.Equal("rot@example.com", body.GetProperty("user").Str("email"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var me = await server.GetAsync("users/me", body.Str("access_token"));
        await Expect.JsonAsync(me, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_ReusedRotatedToken_RevokesWholeFamily()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("reuse@example.com");
        var first = auth.Str("refresh_token");
        using var rotated = await server.PostAsync("auth/refresh", new { refresh_token = first });
        var second = (await Expect.JsonAsync(rotated, HttpStatusCode.OK)).Str("refresh_token");

        using var reuse = await server.PostAsync("auth/refresh", new { refresh_token = first });

        await Expect.ErrorAsync(reuse, HttpStatusCode.Unauthorized, "refresh_token_reused");
        using var descendant = await server.PostAsync("auth/refresh", new { refresh_token = second });
        await Expect.ErrorAsync(descendant, HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Contains(server.Logs.Lines, line => line.Contains("family was revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_ReuseInOneFamily_LeavesOtherSessionsAlive()
    {
        await using var server = await TestAuthServer.StartAsync();
        var phone = await server.RegisterAsync("two@example.com");
        var laptop = await server.LoginAsync("two@example.com");
        using (var rotated = await server.PostAsync("auth/refresh", new { refresh_token = phone.Str("refresh_token") }))
        {
            await Expect.JsonAsync(rotated, HttpStatusCode.OK);
        }

        using (var reuse = await server.PostAsync("auth/refresh", new { refresh_token = phone.Str("refresh_token") }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        }

        using var other = await server.PostAsync("auth/refresh", new { refresh_token = laptop.Str("refresh_token") });
        await Expect.JsonAsync(other, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_ConcurrentUseOfOneToken_ExactlyOneSucceeds()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("race@example.com");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Returns401()
    {
        await using var server = await TestAuthServer.StartAsync(o => o with { RefreshTokenLifetime = TimeSpan.FromHours(1) });
        var auth = await server.RegisterAsync("old@example.com");

        server.Time.Advance(TimeSpan.FromHours(1));
        using var response = await server.PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") });

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_UnknownToken_Returns401(string token)
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PostAsync("auth/refresh", new { refresh_token = token });

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Refresh_AfterUserDeactivated_Returns401()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("gone@example.com");
        using (var deactivated = await server.PatchAsync($"admin/users/{auth.GetProperty("user").Str("id")}", new { is_active = false }))
        {
            await Expect.JsonAsync(deactivated, HttpStatusCode.OK);
        }

        using var response = await server.PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
