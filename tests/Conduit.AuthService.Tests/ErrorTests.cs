using Conduit.AuthServer.Email;
using Conduit.AuthService.Tests.Infrastructure;
using Conduit.Http;
using static Conduit.AuthService.Tests.Infrastructure.Calls;

namespace Conduit.AuthService.Tests;

public sealed class ErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_DuplicateEmail_ThrowsConflictAuthException(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();
        await client.RegisterAsync(email, Password, "Ken", "Thompson", Ct);

        var conflict = await Fails(sync, () => client.Register(email.ToUpperInvariant(), Password, "Ken", "Thompson", Ct),
            () => client.RegisterAsync(email.ToUpperInvariant(), Password, "Ken", "Thompson", Ct));

        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal("email_taken", conflict.ErrorCode);
        Assert.Equal("is already registered", conflict.Details["email"]);
        Assert.Contains("An account with this email address already exists.", conflict.Message, StringComparison.Ordinal);
        Assert.IsType<ConflictException>(conflict.InnerException);
        Assert.IsAssignableFrom<ApiException>(conflict);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_MalformedEmail_ThrowsBadRequestNamingTheField(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();

        var error = await Fails(sync, () => client.Register("not-an-email", Password, "A", "B", Ct), () => client.RegisterAsync("not-an-email", Password, "A", "B", Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("validation_error", error.ErrorCode);
        Assert.Equal("is not a valid email address", error.Details["email"]);
        Assert.Contains("email is not a valid email address", error.Message, StringComparison.Ordinal);
        Assert.False(client.IsAuthenticated(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_WeakPassword_ThrowsBadRequestDescribingTheRuleNotThePassword(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        const string weak = "weakling";

        var error = await Fails(sync, () => client.Register(TestAuthService.NewEmail(), weak, "A", "B", Ct), () => client.RegisterAsync(TestAuthService.NewEmail(), weak, "A", "B", Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("must contain", error.Details["password"], StringComparison.Ordinal);
        Assert.Contains("password must contain", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_MissingFields_ThrowsBadRequestListingEachField(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var request = new RegisterRequest("", "", "", "");

        var error = await Fails(sync, () => client.Register(request, Ct), () => client.RegisterAsync(request, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(["email", "first_name", "last_name", "password"], error.Details.Keys.Order(StringComparer.Ordinal));
        Assert.All(error.Details.Values, v => Assert.Equal("is required", v));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_OversizedBody_ThrowsPayloadTooLarge(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var huge = new string('x', 100_000);

        var error = await Fails(sync, () => client.Register(TestAuthService.NewEmail(), Password, huge, "B", Ct), () => client.RegisterAsync(TestAuthService.NewEmail(), Password, huge, "B", Ct));

        Assert.Equal(413, error.StatusCode);
        Assert.Equal("payload_too_large", error.ErrorCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UpdateProfile_BlankName_ThrowsBadRequest(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        await client.RegisterAsync(TestAuthService.NewEmail(), Password, "Dennis", "Ritchie", Ct);
        var blank = new UpdateProfileRequest { LastName = "  " };

        var error = await Fails(sync, () => client.UpdateProfile(blank, Ct), () => client.UpdateProfileAsync(blank, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("must not be blank", error.Details["last_name"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangePassword_WrongCurrentPassword_ThrowsBadRequestAndKeepsSession(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var session = await client.RegisterAsync(TestAuthService.NewEmail(), Password, "John", "Backus", Ct);

        var error = await Fails(sync, () => client.ChangePassword("Wr0ng!Password", NewPassword, Ct), () => client.ChangePasswordAsync("Wr0ng!Password", NewPassword, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("is incorrect", error.Details["current_password"]);
        Assert.Equal(session.AccessToken, await client.GetAccessTokenAsync(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCurrentUser_WithoutSession_ThrowsUnauthorized(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();

        var error = await Fails(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("unauthorized", error.ErrorCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyEmail_UsedToken_ThrowsBadRequest(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();
        await client.RegisterAsync(email, Password, "Margaret", "Hamilton", Ct);
        var token = await service.EmailedTokenAsync(email, EmailKind.EmailVerification);
        await client.VerifyEmailAsync(token, Ct);

        var error = await Fails(sync, () => client.VerifyEmail(token, Ct), () => client.VerifyEmailAsync(token, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("is invalid, used or expired", error.Details["token"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_RepeatedFailures_ThrowsRateLimitedWithoutPausingTheClient(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var client = service.CreateClient();
        var email = TestAuthService.NewEmail();
        await client.RegisterAsync(email, Password, "Radia", "Perlman", Ct);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(401, (await Assert.ThrowsAsync<AuthException>(() => client.LoginAsync(email, "Wr0ng!Password", Ct))).StatusCode);
        }

        var throttled = await Fails(sync, () => client.Login(email, Password, Ct), () => client.LoginAsync(email, Password, Ct));

        Assert.Equal(429, throttled.StatusCode);
        Assert.Equal("too_many_requests", throttled.ErrorCode);
        Assert.NotNull(throttled.RetryAfter);
        Assert.True(throttled.RetryAfter > TimeSpan.Zero);

        // The throttle is per account: the client keeps working for everything else.
        Assert.Equal("Radia Perlman", (await Run(sync, () => client.GetCurrentUser(Ct), () => client.GetCurrentUserAsync(Ct))).FullName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HealthCheck_ServerUnreachable_ThrowsAuthExceptionWithoutStatus(bool sync)
    {
        Uri baseUrl;
        await using (var stopped = await TestAuthService.StartAsync())
        {
            baseUrl = stopped.Server.BaseUrl;
        }

        using var client = new AuthClient(new AuthClientOptions { BaseUrl = baseUrl, MaxRetries = 0 });

        var error = await Fails(sync, () => client.HealthCheck(Ct), () => client.HealthCheckAsync(Ct));

        Assert.Null(error.StatusCode);
        Assert.IsType<ApiConnectionException>(error.InnerException);
        Assert.Empty(error.Details);
    }

    [Fact]
    public async Task AnyCall_AfterDispose_ThrowsObjectDisposed()
    {
        await using var service = await TestAuthService.StartAsync();
        var client = service.CreateClient();

        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.HealthCheckAsync(Ct));
        Assert.Throws<ObjectDisposedException>(() => client.GetCurrentUser(Ct));
    }
}
