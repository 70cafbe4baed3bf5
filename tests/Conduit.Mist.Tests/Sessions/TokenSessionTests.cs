using Conduit.Http;
using Conduit.Mist.Sessions;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Mist.Tests.Sessions;

public sealed class TokenSessionTests
{
    internal const string TokenA = "tok-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string TokenB = "tok-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Invalid = "tok-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_ThreeTokensOneInvalid_DropsTheInvalidOneWithAWarning()
    {
        await using var sandbox = await MistSandbox.StartAsync(Sandbox(), Ct);
        var logs = new CapturingLoggerFactory();
        await using var session = await MistSession.StartAsync(
            SandboxSession.Options(sandbox, o => o.ApiToken = $"{TokenA}, {Invalid} ,{TokenB}"), logs, cancellationToken: Ct);

        Assert.Equal(MistAuthenticationMode.ApiToken, session.Mode);
        Assert.Equal([true, false, true], session.Tokens.Select(t => t.IsValid));
        Assert.Contains(logs.Lines, l => l.Contains("API token 2 of 3 was rejected", StringComparison.Ordinal));
        Assert.Contains(session.Privileges, p => p.OrgId == sandbox.Seed.OrgId);
        var self = await session.Client.GetAsync("/api/v1/self", Ct);
        Assert.True(self.IsSuccess);
        logs.AssertNoSecret(TokenA, TokenB, Invalid);
    }

    [Fact]
    public async Task StartAsync_EveryTokenInvalid_ThrowsOneClearError()
    {
        await using var sandbox = await MistSandbox.StartAsync(Sandbox(), Ct);
        var error = await Assert.ThrowsAsync<MistAuthenticationException>(() =>
            MistSession.StartAsync(SandboxSession.Options(sandbox, o => o.ApiTokens.Add(Invalid)), cancellationToken: Ct));
        Assert.Contains("was not accepted", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Invalid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TokenAnswered429_RotatesToTheNextToken()
    {
        await using var sandbox = await MistSandbox.StartAsync(Sandbox(), Ct);
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.ApiTokens.Add(TokenA);
            o.ApiTokens.Add(TokenB);
            o.MaxRetries = 0;
        }), cancellationToken: Ct);
        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.RateLimitBurst, PathPattern = "/api/v1/orgs/**", Count = 1, Delay = TimeSpan.FromSeconds(30) });

        var response = await session.Client.GetAsync($"/api/v1/orgs/{sandbox.Seed.OrgId}", Ct);

        Assert.True(response.IsSuccess);
        Assert.Equal(1, response.Attempts);
        Assert.Single(session.Tokens, t => t.RateLimitedUntil is not null);
        Assert.Equal(2, sandbox.Counters.Count("GET", $"/api/v1/orgs/{sandbox.Seed.OrgId}"));
    }

    [Fact]
    public async Task SendAsync_QuotaSpentOnOneTokenOfThree_KeepsServingFromTheOthers()
    {
        await using var sandbox = await MistSandbox.StartAsync(Sandbox(quota: 3), Ct);
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.ApiToken = $"{TokenA},{Invalid},{TokenB}";
            o.WhenTokensExhausted = MistTokenExhaustion.Throw;
        }), cancellationToken: Ct);

        // Validation spent one call of each valid token: four are left across A and B.
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await session.Client.GetAsync("/api/v1/self", Ct)).IsSuccess);
        }

        Assert.All(session.Tokens.Where(t => t.IsValid), t => Assert.Null(t.RateLimitedUntil));
        var error = await Assert.ThrowsAsync<RateLimitedException>(() => session.Client.GetAsync("/api/v1/self", Ct));
        Assert.Equal(429, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        Assert.True(error.RetryAfter > TimeSpan.FromMinutes(50));
        Assert.All(session.Tokens.Where(t => t.IsValid), t => Assert.NotNull(t.RateLimitedUntil));
    }

    [Fact]
    public async Task SendAsync_AllTokensExhaustedInWaitMode_WaitsForTheEarliestRetryAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sandboxOptions = Sandbox(quota: 2);
        sandboxOptions.TimeProvider = time;
        await using var sandbox = await MistSandbox.StartAsync(sandboxOptions, Ct);
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.ApiToken = $"{TokenA},{TokenB}";
            o.TimeProvider = time;
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.MaxRetries = 3;
        }), cancellationToken: Ct);
        Assert.True((await session.Client.GetAsync("/api/v1/self", Ct)).IsSuccess);
        Assert.True((await session.Client.GetAsync("/api/v1/self", Ct)).IsSuccess);

        var waiting = session.Client.GetAsync("/api/v1/self", Ct);
        var response = await SandboxSession.AdvanceUntilDoneAsync(time, waiting, TimeSpan.FromMinutes(10));

        Assert.True(response.IsSuccess);
        Assert.True(response.Attempts >= 2);
    }

    [Fact]
    public async Task Budget_CallsBeyondTheBudget_WaitForTheWindowInsteadOfA429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sandboxOptions = Sandbox(quota: 3);
        sandboxOptions.TimeProvider = time;
        await using var sandbox = await MistSandbox.StartAsync(sandboxOptions, Ct);
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.ApiToken = TokenA;
            o.CallsPerTokenPerWindow = 3;
            o.TimeProvider = time;
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.WhenTokensExhausted = MistTokenExhaustion.Throw;
        }), cancellationToken: Ct);
        Assert.True((await session.Client.GetAsync("/api/v1/self", Ct)).IsSuccess);
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.True(session.Client.Get("/api/v1/self", Ct).IsSuccess);
        Assert.Equal(0, session.Budget!.GetStatistics()!.CurrentAvailablePermits);
        var before = sandbox.Counters.Total;

        var waiting = session.Client.GetAsync("/api/v1/self", Ct);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(before, sandbox.Counters.Total);
        time.Advance(TimeSpan.FromMinutes(39));
        Assert.False(waiting.IsCompleted);
        var response = await SandboxSession.AdvanceUntilDoneAsync(time, waiting, TimeSpan.FromMinutes(1));

        Assert.True(response.IsSuccess);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(before + 1, sandbox.Counters.Total);
    }

    [Fact]
    public async Task Budget_SharedByEveryClientOfTheSession()
    {
        await using var sandbox = await MistSandbox.StartAsync(Sandbox(), Ct);
        await using var session = await MistSession.StartAsync(SandboxSession.Options(sandbox, o =>
        {
            o.ApiToken = $"{TokenA},{TokenB}";
            o.CallsPerTokenPerWindow = 10;
        }), cancellationToken: Ct);
        var other = session.CreateClient(c => c.Name = "second");

        await session.Client.GetAsync("/api/v1/self", Ct);
        other.Get("/api/v1/self", Ct);
        await other.GetAsync("/api/v1/self", Ct);

        // Two validations and three calls, spread over both tokens, most budget first.
        Assert.Equal(20 - 5, session.Tokens.Sum(t => t.BudgetRemaining));
        Assert.InRange(session.Tokens[0].BudgetRemaining - session.Tokens[1].BudgetRemaining, -1, 1);
    }

    [Fact]
    public async Task Start_Synchronous_ValidatesTokens()
    {
        await using var sandbox = await MistSandbox.StartAsync(Sandbox(), Ct);
        using var session = MistSession.Start(SandboxSession.Options(sandbox, o => o.ApiToken = $"{Invalid},{TokenA}"), cancellationToken: Ct);
        Assert.Equal([false, true], session.Tokens.Select(t => t.IsValid));
        Assert.NotNull(session.GetSelf(Ct).Email);
    }

    internal static MistSandboxOptions Sandbox(int quota = 5000)
    {
        var options = new MistSandboxOptions { HourlyQuota = quota, EnableHttps = false, DeviceCount = 50, StreamInterval = TimeSpan.Zero };
        options.Tokens.Add(TokenA);
        options.Tokens.Add(TokenB);
        return options;
    }
}
