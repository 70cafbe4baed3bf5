using System.Net;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class LifecycleTests
{
    [Fact]
    public async Task FullLifecycle_RegisterVerifyLoginProfilePasswordLogout_EveryStepSucceeds()
    {
        await using var server = await TestAuthServer.StartAsync();

        var registered = await server.RegisterAsync("Ada@Example.com");
        Assert.Equal("Bearer", registered.Str("token_type"));
        Assert.Equal(900, registered.GetProperty("expires_in").GetInt32());
        var user = registered.GetProperty("user");
        Assert.Equal("Ada@Example.com", user.Str("email"));
        Assert.Equal("Ada", user.Str("first_name"));
        Assert.Equal("Lovelace", user.Str("last_name"));
        Assert.True(user.GetProperty("is_active").GetBoolean());
        Assert.False(user.GetProperty("is_verified").GetBoolean());
        Assert.Equal("user", user.Str("role"));
        Assert.Equal("2025-06-01T12:00:00Z", user.Str("created_at"));
        Assert.Equal("2025-06-01T12:00:00Z", user.Str("updated_at"));

        var verifyToken = await server.LatestTokenAsync("ada@example.com", EmailKind.EmailVerification);
        using (var verified = await server.PostAsync("auth/verify-email", new { token = verifyToken }))
        {
            await Expect.JsonAsync(verified, HttpStatusCode.OK);
        }

        using (var reused = await server.PostAsync("auth/verify-email", new { token = verifyToken }))
        {
            await Expect.ValidationErrorAsync(reused, "token");
        }

        var login = await server.LoginAsync("ada@example.com");
        var access = login.Str("access_token");
        using (var me = await server.GetAsync("users/me", access))
        {
            var body = await Expect.JsonAsync(me, HttpStatusCode.OK);
            Assert.True(body.GetProperty("is_verified").GetBoolean());
            Assert.Equal(user.Str("id"), body.Str("id"));
        }

        server.Time.Advance(TimeSpan.FromMinutes(1));
        using (var patched = await server.PatchAsync("users/me", new { first_name = "Augusta" }, access))
        {
            var body = await Expect.JsonAsync(patched, HttpStatusCode.OK);
            Assert.Equal("Augusta", body.Str("first_name"));
            Assert.Equal("Lovelace", body.Str("last_name"));
            Assert.Equal("2025-06-01T12:01:00Z", body.Str("updated_at"));
        }

        const string NewPassword = "Analytical-Engine-1843!";
        string newRefresh;
        using (var changed = await server.PostAsync("auth/change-password", new { current_password = TestAuthServer.Password, new_password = NewPassword }, access))
        {
            var body = await Expect.JsonAsync(changed, HttpStatusCode.OK);
            newRefresh = body.Str("refresh_token");
        }

        foreach (var oldRefresh in new[] { registered.Str("refresh_token"), login.Str("refresh_token") })
        {
            using var refused = await server.PostAsync("auth/refresh", new { refresh_token = oldRefresh });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var oldPassword = await server.PostAsync("auth/login", new { email = "ada@example.com", password = TestAuthServer.Password }))
        {
            await Expect.ErrorAsync(oldPassword, HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var relogin = await server.LoginAsync("ada@example.com", NewPassword);
        using (var logout = await server.PostAsync("auth/logout", new { refresh_token = relogin.Str("refresh_token") }, relogin.Str("access_token")))
        {
            await Expect.JsonAsync(logout, HttpStatusCode.OK);
        }

        using (var afterLogout = await server.PostAsync("auth/refresh", new { refresh_token = relogin.Str("refresh_token") }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        }

        using (var otherSession = await server.PostAsync("auth/refresh", new { refresh_token = newRefresh }))
        {
            await Expect.JsonAsync(otherSession, HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Logout_WithoutRefreshToken_RevokesEverySessionOfTheUser()
    {
        await using var server = await TestAuthServer.StartAsync();
        var first = await server.RegisterAsync("grace@example.com");
        var second = await server.LoginAsync("grace@example.com");

        using (var logout = await server.PostAsync("auth/logout", null, second.Str("access_token")))
        {
            await Expect.JsonAsync(logout, HttpStatusCode.OK);
        }

        foreach (var refresh in new[] { first.Str("refresh_token"), second.Str("refresh_token") })
        {
            using var refused = await server.PostAsync("auth/refresh", new { refresh_token = refresh });
            await Expect.ErrorAsync(refused, HttpStatusCode.Unauthorized, "invalid_token");
        }
    }

    [Fact]
    public async Task Logout_WithNeitherCredential_Returns401()
    {
        await using var server = await TestAuthServer.StartAsync();

        using var response = await server.PostAsync("auth/logout", null);

        await Expect.ErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task UpdateProfile_NewEmail_BecomesUnverifiedAndGetsNewVerificationEmail()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("old@example.com");
        var oldToken = await server.LatestTokenAsync("old@example.com", EmailKind.EmailVerification);

        using var patched = await server.PatchAsync("users/me", new { email = "new@example.com" }, auth.Str("access_token"));

        var body = await Expect.JsonAsync(patched, HttpStatusCode.OK);
        Assert.Equal("new@example.com", body.Str("email"));
        Assert.False(body.GetProperty("is_verified").GetBoolean());
        using (var stale = await server.PostAsync("auth/verify-email", new { token = oldToken }))
        {
            await Expect.ValidationErrorAsync(stale, "token");
        }

        var newToken = await server.LatestTokenAsync("new@example.com", EmailKind.EmailVerification);
        using var verified = await server.PostAsync("auth/verify-email", new { token = newToken });
        await Expect.JsonAsync(verified, HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateProfile_EmailOfAnotherUser_Returns409()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("taken@example.com");
        var auth = await server.RegisterAsync("mine@example.com");

        using var response = await server.PatchAsync("users/me", new { email = "TAKEN@example.com" }, auth.Str("access_token"));

        await Expect.ErrorAsync(response, HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task UpdateProfile_PrivilegedField_Returns400AndChangesNothing()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("eve@example.com");

        using var response = await server.PatchAsync("users/me", new { role = "admin" }, auth.Str("access_token"));

        await Expect.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_json");
        using var me = await server.GetAsync("users/me", auth.Str("access_token"));
        Assert.Equal("user", (await Expect.JsonAsync(me, HttpStatusCode.OK)).Str("role"));
    }
}
