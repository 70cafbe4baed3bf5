using System.Net;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class LogRedactionTests
{
    [Fact]
    public async Task AllRoutes_FullLifecycleWithFailures_NoSecretInAnyLogLine()
    {
        const string NewPassword = "Second-Secret-Value-9!";
        const string ResetPassword = "Third-Secret-Value-8!";
        const string WrongPassword = "Wrong-Secret-Value-7!";
        await using var server = await TestAuthServer.StartAsync(o => o with { MaxFailedLoginsPerAccount = 1 });
        var secrets = new List<string> { TestAuthServer.Password, NewPassword, ResetPassword, WrongPassword, TestAuthServer.SigningKey };

        var auth = await server.RegisterAsync("logs@example.com");
        secrets.Add(auth.Str("access_token"));
        secrets.Add(auth.Str("refresh_token"));
        var verify = await server.LatestTokenAsync("logs@example.com", EmailKind.EmailVerification);
        secrets.Add(verify);
        (await server.PostAsync("auth/verify-email", new { token = verify })).Dispose();
        (await server.PostAsync("auth/login", new { email = "logs@example.com", password = WrongPassword })).Dispose();
        (await server.PostAsync("auth/login", new { email = "logs@example.com", password = WrongPassword })).Dispose();
        server.Time.Advance(TimeSpan.FromMinutes(16));
        var login = await server.LoginAsync("logs@example.com");
        secrets.Add(login.Str("access_token"));
        secrets.Add(login.Str("refresh_token"));
        using (var refreshed = await server.PostAsync("auth/refresh", new { refresh_token = login.Str("refresh_token") }))
        {
            var body = await Expect.JsonAsync(refreshed, HttpStatusCode.OK);
            secrets.Add(body.Str("access_token"));
            secrets.Add(body.Str("refresh_token"));
        }

        (await server.PostAsync("auth/refresh", new { refresh_token = login.Str("refresh_token") })).Dispose();
        (await server.GetAsync("users/me", "forged." + login.Str("access_token"))).Dispose();
        (await server.PostAsync("auth/change-password", new { current_password = TestAuthServer.Password, new_password = NewPassword }, auth.Str("access_token"))).Dispose();
        (await server.PostAsync("auth/forgot-password", new { email = "logs@example.com" })).Dispose();
        var reset = await server.LatestTokenAsync("logs@example.com", EmailKind.PasswordReset);
        secrets.Add(reset);
        (await server.PostAsync("auth/reset-password", new { token = reset, new_password = ResetPassword })).Dispose();
        (await server.PostAsync("auth/logout", new { refresh_token = auth.Str("refresh_token") }, auth.Str("access_token"))).Dispose();
        (await server.SendAsync(HttpMethod.Post, "auth/login", "{\"password\": \"" + WrongPassword + "\", oops")).Dispose();

        var lines = server.Logs.Lines.ToArray();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, line => line.Contains("registered", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
