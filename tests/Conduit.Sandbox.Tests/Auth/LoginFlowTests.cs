using System.Net;
using System.Text.Json.Nodes;
using OtpNet;

namespace Conduit.Sandbox.Tests.Auth;

public sealed class LoginFlowTests
{
    private static StringContent Credentials(MistSandboxUser user, string? code = null)
    {
        var body = new JsonObject { ["email"] = user.Email, ["password"] = user.Password };
        if (code is not null)
        {
            body["two_factor"] = code;
        }

        return SandboxTestHost.Json(body);
    }

    private static string CsrfCookie(HttpClient client, MistSandbox sandbox)
        => Cookies.TryGetValue(client, out var container) ? container.GetCookies(new Uri(sandbox.BaseUrl))["csrftoken"]!.Value : string.Empty;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Cookies = new();

    private static HttpClient SessionClient(MistSandbox sandbox)
    {
        var container = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = container }) { BaseAddress = new Uri(sandbox.BaseUrl) };
        Cookies.Add(client, container);
        return client;
    }

    private static string Code(MistSandboxUser user, int stepOffset = 0)
        => new Totp(Base32Encoding.ToBytes(user.TotpSecret!)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepOffset));

    [Fact]
    public async Task Login_WithoutTwoFactor_Answers200EmptyObjectAndSetsCsrfCookie()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        using var login = await client.PostAsync("/api/v1/login", Credentials(sandbox.Seed.Admin), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("{}", await login.Content.ReadAsStringAsync(SandboxTestHost.Token));
        Assert.False(string.IsNullOrEmpty(CsrfCookie(client, sandbox)));
        var self = await SandboxTestHost.ReadJsonAsync(await client.GetAsync("/api/v1/self", SandboxTestHost.Token));
        Assert.Equal(sandbox.Seed.Admin.Email, (string?)self!["email"]);
        Assert.Contains(self["privileges"]!.AsArray(), p => (string?)p!["org_id"] == sandbox.Seed.OrgId && (string?)p["scope"] == "org");
    }

    [Fact]
    public async Task Login_WrongPassword_Answers400WithDetail()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        var body = SandboxTestHost.Json(new JsonObject { ["email"] = sandbox.Seed.Admin.Email, ["password"] = "wrong" });
        using var login = await client.PostAsync("/api/v1/login", body, SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.NotNull((await SandboxTestHost.ReadJsonAsync(login))!["detail"]);
    }

    [Fact]
    public async Task SessionWrite_WithoutCsrfHeader_Answers403AndWithHeaderSucceeds()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        (await client.PostAsync("/api/v1/login", Credentials(sandbox.Seed.Admin), SandboxTestHost.Token)).Dispose();
        var site = SandboxTestHost.Json("{\"name\": \"From session\"}");
        using var denied = await client.PostAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}/sites", site, SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("CSRF", (string?)(await SandboxTestHost.ReadJsonAsync(denied))!["detail"], StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites") { Content = SandboxTestHost.Json("{\"name\": \"x\"}") };
        wrong.Headers.Add("X-CSRFToken", "not-the-token");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrong, SandboxTestHost.Token)).StatusCode);

        using var allowed = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orgs/{sandbox.Seed.OrgId}/sites") { Content = SandboxTestHost.Json("{\"name\": \"From session\"}") };
        allowed.Headers.Add("X-CSRFToken", CsrfCookie(client, sandbox));
        using var created = await client.SendAsync(allowed, SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    [Fact]
    public async Task Login_TwoFactorUser_RequiresCodeThenSelfReportsPassed()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        var user = sandbox.Seed.TwoFactorUser;
        using var client = SessionClient(sandbox);
        using var login = await client.PostAsync("/api/v1/login", Credentials(user), SandboxTestHost.Token);
        var loginBody = await SandboxTestHost.ReadJsonAsync(login);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(user.Email, (string?)loginBody!["email"]);
        Assert.True((bool)loginBody["two_factor_required"]!);
        Assert.False((bool)loginBody["two_factor_passed"]!);

        using var blocked = await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, blocked.StatusCode);
        var pending = await SandboxTestHost.ReadJsonAsync(await client.GetAsync("/api/v1/self", SandboxTestHost.Token));
        Assert.True((bool)pending!["two_factor_required"]!);

        var csrf = CsrfCookie(client, sandbox);
        using var wrongCode = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login/two_factor") { Content = SandboxTestHost.Json("{\"two_factor\": \"000000\"}") };
        wrongCode.Headers.Add("X-CSRFToken", csrf);
        var wrongStatus = (await client.SendAsync(wrongCode, SandboxTestHost.Token)).StatusCode;
        var code = Code(user);
        Assert.Equal(code == "000000" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, wrongStatus);

        using var rightCode = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login/two_factor") { Content = SandboxTestHost.Json(new JsonObject { ["two_factor"] = code }) };
        rightCode.Headers.Add("X-CSRFToken", csrf);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(rightCode, SandboxTestHost.Token)).StatusCode);

        var self = await SandboxTestHost.ReadJsonAsync(await client.GetAsync("/api/v1/self", SandboxTestHost.Token));
        Assert.False((bool)self!["two_factor_required"]!);
        Assert.True((bool)self["two_factor_passed"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Login_TwoFactorCodeInLoginBody_PassesAtOnce()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        using var login = await client.PostAsync("/api/v1/login", Credentials(sandbox.Seed.TwoFactorUser, Code(sandbox.Seed.TwoFactorUser)), SandboxTestHost.Token);
        Assert.Equal("{}", await login.Content.ReadAsStringAsync(SandboxTestHost.Token));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_UserWithoutTwoFactor_Answers404()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        (await client.PostAsync("/api/v1/login", Credentials(sandbox.Seed.Admin), SandboxTestHost.Token)).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login/two_factor") { Content = SandboxTestHost.Json("{\"two_factor\": \"123456\"}") };
        request.Headers.Add("X-CSRFToken", CsrfCookie(client, sandbox));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request, SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_WithoutSession_Answers401()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        using var response = await client.PostAsync("/api/v1/login/two_factor", SandboxTestHost.Json("{\"two_factor\": \"123456\"}"), SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logout_WithCsrf_EndsSession()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        (await client.PostAsync("/api/v1/login", Credentials(sandbox.Seed.Admin), SandboxTestHost.Token)).Dispose();
        var csrf = CsrfCookie(client, sandbox);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/logout");
        logout.Headers.Add("X-CSRFToken", csrf);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(logout, SandboxTestHost.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Token_MissingOrUnknown_Answers401WithDetail()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var anonymous = SessionClient(sandbox);
        using var missing = await anonymous.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Authentication credentials were not provided.", (string?)(await SandboxTestHost.ReadJsonAsync(missing))!["detail"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/self");
        request.Headers.Add("Authorization", "Token nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request, SandboxTestHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Privileges_OrgOutsideScope_Answers403()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync($"/api/v1/orgs/{Guid.NewGuid()}", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Privileges_SiteObserver_ReadsOwnSiteOnlyAndCannotWrite()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();
        using var client = SessionClient(sandbox);
        (await client.PostAsync("/api/v1/login", Credentials(sandbox.Seed.SiteObserver), SandboxTestHost.Token)).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/sites/{sandbox.Seed.SiteIds[0]}", SandboxTestHost.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/sites/{sandbox.Seed.SiteIds[1]}", SandboxTestHost.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}", SandboxTestHost.Token)).StatusCode);
        using var write = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sites/{sandbox.Seed.SiteIds[0]}") { Content = SandboxTestHost.Json("{\"notes\": \"x\"}") };
        write.Headers.Add("X-CSRFToken", CsrfCookie(client, sandbox));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(write, SandboxTestHost.Token)).StatusCode);
    }
}
