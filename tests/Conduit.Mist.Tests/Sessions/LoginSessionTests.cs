using Conduit.Http;
using Conduit.Mist.Sessions;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;

namespace Conduit.Mist.Tests.Sessions;

public sealed class LoginSessionTests : IAsyncLifetime
{
    private MistSandbox sandbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => sandbox = await MistSandbox.StartAsync(TokenSessionTests.Sandbox(), Ct);

    public async ValueTask DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task StartAsync_LoginWithoutTwoFactor_LogsInAndReadsPrivileges()
    {
        var admin = sandbox.Seed.Admin;
        await using var session = await MistSession.StartAsync(Login(admin.Email, admin.Password), cancellationToken: Ct);

        Assert.Equal(MistAuthenticationMode.Login, session.Mode);
        Assert.True(session.IsLoggedIn);
        Assert.Equal(admin.Email, session.Self!.Email);
        Assert.Contains(session.Privileges, p => p.Scope == "org" && p.OrgId == sandbox.Seed.OrgId && p.Role == "admin");
    }

    [Fact]
    public async Task StartAsync_TwoFactorCodeGiven_PassesTwoFactor()
    {
        var user = sandbox.Seed.TwoFactorUser;
        var options = Login(user.Email, user.Password);
        options.TwoFactorCode = Totp.Code(user.TotpSecret!, DateTimeOffset.UtcNow);
        await using var session = await MistSession.StartAsync(options, cancellationToken: Ct);

        Assert.True(session.IsLoggedIn);
        Assert.Equal(true, session.Self!.TwoFactorPassed);
        Assert.True((await session.Client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", Ct)).IsSuccess);
    }

    [Fact]
    public async Task StartAsync_TwoFactorAskedThroughThePrompt_UsesTheAnswer()
    {
        var user = sandbox.Seed.TwoFactorUser;
        var asked = new List<string>();
        var options = Login(user.Email, user.Password);
        options.Prompt = new MistDelegatePrompt((label, _) =>
        {
            asked.Add(label);
            return ValueTask.FromResult(Totp.Code(user.TotpSecret!, DateTimeOffset.UtcNow));
        });
        await using var session = await MistSession.StartAsync(options, cancellationToken: Ct);

        Assert.Equal(["Two-factor code for " + user.Email], asked);
        Assert.True(session.IsLoggedIn);
    }

    [Fact]
    public async Task StartAsync_WrongTwoFactorCode_ThrowsMistAuthenticationException()
    {
        var user = sandbox.Seed.TwoFactorUser;
        var options = Login(user.Email, user.Password);
        var right = Totp.Code(user.TotpSecret!, DateTimeOffset.UtcNow);
        options.TwoFactorCode = right == "000000" ? "111111" : "000000";

        var error = await Assert.ThrowsAsync<MistAuthenticationException>(() => MistSession.StartAsync(options, cancellationToken: Ct));
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("two-factor code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TwoFactorNeededButNoCodeOrPrompt_SaysWhatToSet()
    {
        var user = sandbox.Seed.TwoFactorUser;
        var error = await Assert.ThrowsAsync<MistAuthenticationException>(() => MistSession.StartAsync(Login(user.Email, user.Password), cancellationToken: Ct));
        Assert.Contains(nameof(MistSessionOptions.TwoFactorCode), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WrongPassword_ThrowsWithoutThePassword()
    {
        var error = await Assert.ThrowsAsync<MistAuthenticationException>(() => MistSession.StartAsync(Login(sandbox.Seed.Admin.Email, "wrong-password-123"), cancellationToken: Ct));
        Assert.Equal(400, error.StatusCode);
        Assert.DoesNotContain("wrong-password-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_LoggedInSession_SendsTheCsrfTokenOnWrites()
    {
        var admin = sandbox.Seed.Admin;
        await using var session = await MistSession.StartAsync(Login(admin.Email, admin.Password), cancellationToken: Ct);

        var created = await session.Client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", JsonBody.FromText("{\"name\":\"CSRF test\"}"), Ct);

        // The sandbox answers 403 "CSRF Failed" to a session write without a matching X-CSRFToken, as Mist does.
        Assert.True(created.IsSuccess);
        Assert.Equal("CSRF test", created.ReadJsonDocument().RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task LogoutAsync_LoggedIn_EndsTheSession()
    {
        var admin = sandbox.Seed.Admin;
        var session = await MistSession.StartAsync(Login(admin.Email, admin.Password), cancellationToken: Ct);
        await session.LogoutAsync(Ct);

        Assert.False(session.IsLoggedIn);
        await Assert.ThrowsAsync<UnauthorizedException>(() => session.Client.GetAsync("/api/v1/self", Ct));
        await session.DisposeAsync();
        Assert.Equal(1, sandbox.Counters.Count("POST", "/api/v1/logout"));
    }

    [Fact]
    public async Task SendAsync_SessionEndedOnTheServer_ThrowsMistSessionExpiredException()
    {
        var admin = sandbox.Seed.Admin;
        await using var session = await MistSession.StartAsync(Login(admin.Email, admin.Password), cancellationToken: Ct);
        await session.Client.PostAsync("/api/v1/logout", null, Ct); // as if the session timed out server-side

        var error = await Assert.ThrowsAsync<MistSessionExpiredException>(() => session.Client.GetAsync("/api/v1/self", Ct));
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.True(session.IsExpired);
        Assert.Throws<MistSessionExpiredException>(() => session.Client.Get("/api/v1/self", Ct));
    }

    [Fact]
    public async Task StartAsync_BasicAuthentication_ReadsSelf()
    {
        var admin = sandbox.Seed.Admin;
        var options = Login(admin.Email, admin.Password);
        options.Mode = MistAuthenticationMode.Basic;
        await using var session = await MistSession.StartAsync(options, cancellationToken: Ct);

        Assert.Equal(admin.Email, session.Self!.Email);
        Assert.False(session.IsLoggedIn);
        Assert.True((await session.Client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", JsonBody.FromText("{\"name\":\"basic\"}"), Ct)).IsSuccess);
    }

    [Fact]
    public async Task StartAsync_BasicForATwoFactorAccount_Throws()
    {
        var user = sandbox.Seed.TwoFactorUser;
        var options = Login(user.Email, user.Password);
        options.Mode = MistAuthenticationMode.Basic;
        var error = await Assert.ThrowsAsync<MistAuthenticationException>(() => MistSession.StartAsync(options, cancellationToken: Ct));
        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public void Start_SynchronousLoginWithTwoFactor_Works()
    {
        var user = sandbox.Seed.TwoFactorUser;
        var options = Login(user.Email, user.Password);
        options.Prompt = new MistDelegatePrompt((_, _) => ValueTask.FromResult(Totp.Code(user.TotpSecret!, DateTimeOffset.UtcNow)));
        using var session = MistSession.Start(options, cancellationToken: Ct);
        Assert.True(session.IsLoggedIn);
        session.Logout(Ct);
        Assert.False(session.IsLoggedIn);
    }

    private MistSessionOptions Login(string email, string password) => SandboxSession.Options(sandbox, o =>
    {
        o.Email = email;
        o.Password = password;
    });
}
