using Conduit.AuthServer.Email;
using Conduit.AuthService.Tests.Infrastructure;
using static Conduit.AuthService.Tests.Infrastructure.Calls;

namespace Conduit.AuthService.Tests;

public sealed class LifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FullLifecycle_RegisterVerifyLoginProfilePasswordLogout_EveryStepSucceeds(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();

        // Register: a session starts, the user is not yet verified.
        Assert.False(await Run(sync, () => client.IsAuthenticated(Ct), () => client.IsAuthenticatedAsync(Ct)));
        var registered = await Run(sync, () => client.Register(email, Password, "Ada", "Lovelace", Ct), () => client.RegisterAsync(email, Password, "Ada", "Lovelace", Ct));
        Assert.Equal(email, registered.User.Email);
        Assert.Equal("Ada Lovelace", registered.User.FullName);
        Assert.False(registered.User.IsVerified);
        Assert.Equal("Bearer", registered.TokenType);
        Assert.Equal(900, registered.ExpiresIn);
        Assert.True(await Run(sync, () => client.IsAuthenticated(Ct), () => client.IsAuthenticatedAsync(Ct)));

        // Verify the email address with the token from the outbox.
        var verification = await service.EmailedTokenAsync(email, EmailKind.EmailVerification);
        await Run(sync, () => client.VerifyEmail(verification, Ct), () => client.VerifyEmailAsync(verification, Ct));

        // Login and read the profile.
        var login = await Run(sync, () => client.Login(email, Password, Ct), () => client.LoginAsync(email, Password, Ct));
        Assert.Equal(login.AccessToken, await Run(sync, () => client.GetAccessToken(Ct), () => client.GetAccessTokenAsync(Ct)));
        var me = await Run(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));
        Assert.True(me.IsVerified);
        Assert.True(me.IsActive);
        Assert.Equal("user", me.Role);
        Assert.Equal(registered.User.Id, me.Id);

        // Update the profile: only the given field changes.
        var update = new UpdateProfileRequest { FirstName = "Augusta" };
        var updated = await Run(sync, () => client.UpdateProfile(update, Ct), () => client.UpdateProfileAsync(update, Ct));
        Assert.Equal("Augusta Lovelace", updated.FullName);
        Assert.Equal(email, updated.Email);

        // Change the password: a new session replaces the old one, whose refresh token dies.
        var changed = await Run(sync, () => client.ChangePassword(Password, NewPassword, Ct), () => client.ChangePasswordAsync(Password, NewPassword, Ct));
        Assert.NotEqual(login.RefreshToken, changed.RefreshToken);
        Assert.Equal(changed.AccessToken, await Run(sync, () => client.GetAccessToken(Ct), () => client.GetAccessTokenAsync(Ct)));
        using (var oldSession = service.CreateClient(o => o.TokenStore = new InMemoryAuthTokenStore(
            new AuthTokens(login.AccessToken, login.RefreshToken, "Bearer", service.Time.GetUtcNow().AddMinutes(-1)))))
        {
            var refused = await Fails(sync, () => oldSession.GetCurrentUser(Ct), () => oldSession.GetCurrentUserAsync(Ct));
            Assert.Equal(401, refused.StatusCode);
            Assert.False(oldSession.IsAuthenticated(Ct));
        }

        var oldPassword = await Fails(sync, () => client.Login(email, Password, Ct), () => client.LoginAsync(email, Password, Ct));
        Assert.Equal("invalid_credentials", oldPassword.ErrorCode);
        Assert.Equal("Augusta", (await Run(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct))).FirstName);

        // Logout: the tokens are gone locally and the refresh token is revoked on the server.
        var beforeLogout = await Run(sync, () => client.GetAccessToken(Ct), () => client.GetAccessTokenAsync(Ct));
        Assert.NotNull(beforeLogout);
        await Run(sync, () => client.Logout(Ct), () => client.LogoutAsync(Ct));
        Assert.False(await Run(sync, () => client.IsAuthenticated(Ct), () => client.IsAuthenticatedAsync(Ct)));
        Assert.Null(await Run(sync, () => client.GetAccessToken(Ct), () => client.GetAccessTokenAsync(Ct)));
        var afterLogout = await Fails(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));
        Assert.Equal(401, afterLogout.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Logout_RefreshTokenRevoked_SessionCannotBeResumed(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        var store = new InMemoryAuthTokenStore();
        using var client = service.CreateClient(o => o.TokenStore = store);
        await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Grace", "Hopper", Ct);
        var saved = store.Load()!;

        await Run(sync, () => client.Logout(Ct), () => client.LogoutAsync(Ct));

        Assert.Null(store.Load());
        using var resumed = service.CreateClient(o => o.TokenStore = new InMemoryAuthTokenStore(saved with { ExpiresAt = service.Time.GetUtcNow() }));
        Assert.Null(await Run(sync, () => resumed.GetAccessToken(Ct), () => resumed.GetAccessTokenAsync(Ct)));
        Assert.False(resumed.IsAuthenticated(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Logout_WithoutSession_DoesNothing(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();

        await Run(sync, () => client.Logout(Ct), () => client.LogoutAsync(Ct));

        Assert.False(client.IsAuthenticated(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForgotPasswordThenResetPassword_ValidToken_OnlyNewPasswordWorksAndSessionsEnd(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();
        await client.RegisterAsync(email, Password, "Alan", "Turing", Ct);
        using var otherDevice = service.CreateClient();
        await otherDevice.LoginAsync(email, Password, Ct);

        await Run(sync, () => client.ForgotPassword(email, Ct), () => client.ForgotPasswordAsync(email, Ct));
        var token = await service.EmailedTokenAsync(email, EmailKind.PasswordReset);
        await Run(sync, () => client.ResetPassword(token, NewPassword, Ct), () => client.ResetPasswordAsync(token, NewPassword, Ct));

        // Every session ended: once the access token expires, the refresh is refused and the session is cleared.
        service.Time.Advance(TimeSpan.FromMinutes(16));
        var ended = await Fails(sync, () => otherDevice.GetCurrentUser(Ct), () => otherDevice.GetCurrentUserAsync(Ct));
        Assert.Equal(401, ended.StatusCode);
        Assert.False(otherDevice.IsAuthenticated(Ct));

        var old = await Fails(sync, () => client.Login(email, Password, Ct), () => client.LoginAsync(email, Password, Ct));
        Assert.Equal(401, old.StatusCode);
        var session = await Run(sync, () => client.Login(email, NewPassword, Ct), () => client.LoginAsync(email, NewPassword, Ct));
        Assert.True(session.User.IsVerified);

        var reused = await Fails(sync, () => client.ResetPassword(token, "An0ther!Passw0rd", Ct), () => client.ResetPasswordAsync(token, "An0ther!Passw0rd", Ct));
        Assert.Equal(400, reused.StatusCode);
        Assert.Equal("is invalid, used or expired", reused.Details["token"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForgotPassword_UnknownEmail_SucceedsWithoutRevealingIt(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();

        await Run(sync, () => client.ForgotPassword(email, Ct), () => client.ForgotPasswordAsync(email, Ct));

        Assert.Null(await service.Server.Outbox.FindLatestAsync(email, EmailKind.PasswordReset, Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HealthCheck_RunningServer_ReportsHealthy(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();

        var health = await Run(sync, () => client.HealthCheck(Ct), () => client.HealthCheckAsync(Ct));

        Assert.True(health.IsHealthy);
        Assert.Equal("healthy", health.Status);
        Assert.False(string.IsNullOrEmpty(health.Version));
        Assert.Contains("ok", health.Database, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenStore_SessionSavedByOneClient_ResumedByAnother()
    {
        await using var service = await TestAuthService.StartAsync();
        var store = new InMemoryAuthTokenStore();
        using (var first = service.CreateClient(o => o.TokenStore = store))
        {
            await first.RegisterAsync(TestAuthService.NewEmail(), Password, "Katherine", "Johnson", Ct);
        }

        using var second = service.CreateClient(o => o.TokenStore = store);

        Assert.True(await second.IsAuthenticatedAsync(Ct));
        Assert.Equal("Katherine Johnson", (await second.GetCurrentUserAsync(Ct)).FullName);
    }
}
