using System.Net;
using Conduit.AuthServer.Email;
using Conduit.AuthServer.Tests.Infrastructure;

namespace Conduit.AuthServer.Tests.Endpoints;

public sealed class PasswordResetTests
{
    private const string NewPassword = "Brand-New-Secret-7!";

    [Fact]
    public async Task ResetPassword_TokenFromEmail_SetsPasswordAndRevokesSessions()
    {
        await using var server = await TestAuthServer.StartAsync();
        var auth = await server.RegisterAsync("forgetful@example.com");
        using (var forgot = await server.PostAsync("auth/forgot-password", new { email = "Forgetful@Example.com" }))
        {
            await Expect.JsonAsync(forgot, HttpStatusCode.OK);
        }

        var token = await server.LatestTokenAsync("forgetful@example.com", EmailKind.PasswordReset);
        using (var reset = await server.PostAsync("auth/reset-password", new { token, new_password = NewPassword }))
        {
            await Expect.JsonAsync(reset, HttpStatusCode.OK);
        }

        using (var oldSession = await server.PostAsync("auth/refresh", new { refresh_token = auth.Str("refresh_token") }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        }

        using (var oldPassword = await server.PostAsync("auth/login", new { email = "forgetful@example.com", password = TestAuthServer.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        }

        var login = await server.LoginAsync("forgetful@example.com", NewPassword);
        Assert.True(login.GetProperty("user").GetProperty("is_verified").GetBoolean());

        using var again = await server.PostAsync("auth/reset-password", new { token, new_password = "Yet-Another-One-8!" });
        await Expect.ValidationErrorAsync(again, "token");
    }

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownEmail_AnswerIdentically()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("known@example.com");

        using var known = await server.PostAsync("auth/forgot-password", new { email = "known@example.com" });
        using var unknown = await server.PostAsync("auth/forgot-password", new { email = "unknown@example.com" });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        Assert.Null(await server.Host.Outbox.FindLatestAsync("unknown@example.com", EmailKind.PasswordReset, TestContext.Current.CancellationToken));
        Assert.NotNull(await server.Host.Outbox.FindLatestAsync("known@example.com", EmailKind.PasswordReset, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ResetPassword_ExpiredToken_Returns400()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("late@example.com");
        using (var forgot = await server.PostAsync("auth/forgot-password", new { email = "late@example.com" }))
        {
            await Expect.JsonAsync(forgot, HttpStatusCode.OK);
        }

        var token = await server.LatestTokenAsync("late@example.com", EmailKind.PasswordReset);
        server.Time.Advance(TimeSpan.FromHours(1));

        using var response = await server.PostAsync("auth/reset-password", new { token, new_password = NewPassword });

        await Expect.ValidationErrorAsync(response, "token");
    }

    [Fact]
    public async Task ResetPassword_OlderTokenAfterNewRequest_IsRefused()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("twice@example.com");
        using (var first = await server.PostAsync("auth/forgot-password", new { email = "twice@example.com" }))
        {
            await Expect.JsonAsync(first, HttpStatusCode.OK);
        }

        var older = await server.LatestTokenAsync("twice@example.com", EmailKind.PasswordReset);
        using (var second = await server.PostAsync("auth/forgot-password", new { email = "twice@example.com" }))
        {
            await Expect.JsonAsync(second, HttpStatusCode.OK);
        }

        using var response = await server.PostAsync("auth/reset-password", new { token = older, new_password = NewPassword });

        await Expect.ValidationErrorAsync(response, "token");
    }

    [Fact]
    public async Task ResetPassword_VerificationTokenInstead_IsRefused()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("mixup@example.com");
        var verification = await server.LatestTokenAsync("mixup@example.com", EmailKind.EmailVerification);

        using var response = await server.PostAsync("auth/reset-password", new { token = verification, new_password = NewPassword });

        await Expect.ValidationErrorAsync(response, "token");
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_Returns400AndKeepsTokenUsable()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("weakreset@example.com");
        using (var forgot = await server.PostAsync("auth/forgot-password", new { email = "weakreset@example.com" }))
        {
            await Expect.JsonAsync(forgot, HttpStatusCode.OK);
        }

        var token = await server.LatestTokenAsync("weakreset@example.com", EmailKind.PasswordReset);
        using (var weak = await server.PostAsync("auth/reset-password", new { token, new_password = "weak" }))
        {
            await Expect.ValidationErrorAsync(weak, "new_password");
        }

        using var strong = await server.PostAsync("auth/reset-password", new { token, new_password = NewPassword });
        await Expect.JsonAsync(strong, HttpStatusCode.OK);
    }

    [Fact]
    public async Task VerifyEmail_ExpiredToken_Returns400()
    {
        await using var server = await TestAuthServer.StartAsync();
        await server.RegisterAsync("slow@example.com");
        var token = await server.LatestTokenAsync("slow@example.com", EmailKind.EmailVerification);

        server.Time.Advance(TimeSpan.FromHours(24));
        using var response = await server.PostAsync("auth/verify-email", new { token });

        await Expect.ValidationErrorAsync(response, "token");
    }
}
