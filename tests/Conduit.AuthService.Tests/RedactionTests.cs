using System.Text.Json;
using Conduit.AuthServer.Email;
using Conduit.AuthService.Tests.Infrastructure;
using static Conduit.AuthService.Tests.Infrastructure.Calls;

namespace Conduit.AuthService.Tests;

public sealed class RedactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_TraceLoggingWithBodies_NoPasswordOrTokenInLogsOrExceptionMessages()
    {
        await using var service = await TestAuthService.StartAsync();
        var store = new InMemoryAuthTokenStore();
        using var client = service.CreateClient(o =>
        {
            o.TokenStore = store;
            o.ConfigureHttp = http => http.LogBodies = true;
        });
        var secrets = new List<string> { Password, NewPassword, "Wr0ng!Password", "weakpassw0rd" };
        var messages = new List<string>();
        var email = TestAuthService.NewEmail();

        void Keep(AuthResponse session) => secrets.AddRange([session.AccessToken, session.RefreshToken]);
        async Task Expect(Func<Task> call) => messages.Add((await Assert.ThrowsAsync<AuthException>(call)).ToString());

        Keep(await client.RegisterAsync(email, Password, "Alan", "Kay", Ct));
        var verification = await service.EmailedTokenAsync(email, EmailKind.EmailVerification);
        secrets.Add(verification);
        await client.VerifyEmailAsync(verification, Ct);
        Keep(await client.LoginAsync(email, Password, Ct));
        service.Time.Advance(TimeSpan.FromMinutes(16));
        await client.GetCurrentUserAsync(Ct);
        secrets.AddRange([store.Load()!.AccessToken, store.Load()!.RefreshToken]);
        await client.UpdateProfileAsync(new UpdateProfileRequest { LastName = "Kay II" }, Ct);
        Keep(await client.ChangePasswordAsync(Password, NewPassword, Ct));
        await client.ForgotPasswordAsync(email, Ct);
        var reset = await service.EmailedTokenAsync(email, EmailKind.PasswordReset);
        secrets.Add(reset);
        await client.ResetPasswordAsync(reset, Password, Ct);
        await Expect(() => client.LoginAsync(email, "Wr0ng!Password", Ct));
        await Expect(() => client.RegisterAsync(TestAuthService.NewEmail(), "weakpassw0rd", "A", "B", Ct));
        await Expect(() => client.ResetPasswordAsync(reset, NewPassword, Ct));
        await Expect(() => client.ChangePasswordAsync("Wr0ng!Password", NewPassword, Ct));
        Keep(await client.LoginAsync(email, Password, Ct));
        await client.LogoutAsync(Ct);
        messages.Add(new RegisterRequest(email, Password, "A", "B").ToString());
        messages.Add(store.Load()?.ToString() ?? string.Empty);

        var lines = service.ClientLogs.Entries.Select(e => e.ToString())
            .Concat(service.ServerLogs.Entries.Select(e => e.ToString()))
            .Concat(messages)
            .ToList();
        Assert.Contains(service.ClientLogs.Entries, e => e.Message.Contains("body", StringComparison.Ordinal));
        Assert.Contains(service.ClientLogs.Entries, e => e.Message.Contains("Access token refreshed", StringComparison.Ordinal));
        foreach (var secret in secrets.Distinct())
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal)
                || l.Contains(JsonEncodedText.Encode(secret).ToString(), StringComparison.Ordinal));
            Assert.True(leak is null, $"A secret leaked into: {leak}");
        }
    }

    [Fact]
    public void ToString_ModelsCarryingSecrets_HideThem()
    {
        var user = new User { Id = "1", Email = "a@example.com", FirstName = "A", LastName = "B" };
        var session = new AuthResponse { AccessToken = "access-secret", RefreshToken = "refresh-secret", User = user };
        var tokens = new AuthTokens("access-secret", "refresh-secret", "Bearer", DateTimeOffset.UnixEpoch);
        var register = new RegisterRequest("a@example.com", "password-secret", "A", "B");

        var text = string.Join("\n", session, tokens, register);

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("a@example.com", text, StringComparison.Ordinal);
    }
}
