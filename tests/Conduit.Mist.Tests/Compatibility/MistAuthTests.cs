using System.Text.Json;
using Conduit.Http;
using Conduit.Mist.Compatibility;
using Conduit.Mist.Tests.Sessions;
using Conduit.Sandbox;
using Microsoft.Extensions.Options;

namespace Conduit.Mist.Tests.Compatibility;

public sealed class MistAuthTests : IAsyncLifetime
{
    private MistSandbox sandbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = TokenSessionTests.Sandbox(quota: 40);
        options.SendRateLimitHeaders = true;
        sandbox = await MistSandbox.StartAsync(options, Ct);
    }

    public async ValueTask DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task MistAuth_EndToEnd_ConnectsListsOrgsAndSubstitutesOrgId()
    {
        using var auth = Auth(sandbox.Seed.Tokens[0]);

        var status = await auth.TestConnectionAsync(Ct);
        Assert.True(status.IsConnected);
        Assert.Equal(sandbox.Seed.Admin.Email, status.Email);

        var orgs = await auth.GetOrganizationsAsync(Ct);
        Assert.Contains(orgs, o => o.Id == sandbox.Seed.OrgId && o.Role == "admin");

        var info = await auth.GetOrganizationInfoAsync(cancellationToken: Ct);
        Assert.Equal(sandbox.Seed.OrgId, info.GetProperty("id").GetString());

        var sites = await auth.MakeRequestAsync("/orgs/{org_id}/sites", cancellationToken: Ct);
        Assert.Equal(sandbox.Seed.SiteIds.Count, sites.GetArrayLength());

        var created = await auth.MakeRequestAsync("/orgs/{org_id}/sites", HttpMethod.Post, json: JsonElement.Parse("{\"name\":\"From MistAuth\"}"), cancellationToken: Ct);
        Assert.Equal("From MistAuth", created.GetProperty("name").GetString());

        var filtered = await auth.MakeRequestAsync("/orgs/{org_id}/inventory", parameters: [new("limit", "3")], cancellationToken: Ct);
        Assert.Equal(3, filtered.GetArrayLength());

        Assert.NotNull(auth.RateLimitRemaining);
        Assert.NotNull(auth.RateLimitReset);
        Assert.True(auth.RateLimitReset > DateTimeOffset.UtcNow);
    }

    [Fact]
    public void MistAuth_Synchronous_SameSurface()
    {
        using var auth = Auth(sandbox.Seed.Tokens[0]);
        Assert.True(auth.TestConnection(Ct).IsConnected);
        Assert.Single(auth.GetOrganizations(Ct));
        Assert.Equal(sandbox.Seed.OrgId, auth.GetOrganizationInfo(sandbox.Seed.OrgId, Ct).GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, auth.MakeRequest("/orgs/{org_id}/sites", cancellationToken: Ct).ValueKind);
    }

    [Fact]
    public async Task MakeRequestAsync_InvalidToken_ThrowsMistAuthExceptionWithStatus()
    {
        using var auth = Auth("not-a-valid-token-1234");
        var error = await Assert.ThrowsAsync<MistAuthException>(() => auth.MakeRequestAsync("/self", cancellationToken: Ct));
        Assert.Equal(401, error.StatusCode);
        Assert.IsType<UnauthorizedException>(error.InnerException);
        Assert.DoesNotContain("not-a-valid-token-1234", error.Message, StringComparison.Ordinal);

        var status = await auth.TestConnectionAsync(Ct);
        Assert.False(status.IsConnected);
        Assert.Equal(401, status.StatusCode);
    }

    [Fact]
    public async Task MakeRequestAsync_RateLimited_ThrowsMistRateLimitExceptionWithRetryAfter()
    {
        sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.RateLimitBurst, PathPattern = "/api/v1/self", Count = 5, Delay = TimeSpan.FromSeconds(42) });
        using var auth = Auth(sandbox.Seed.Tokens[0], maxRetries: 0);

        var error = await Assert.ThrowsAsync<MistRateLimitException>(() => auth.MakeRequestAsync("/self", cancellationToken: Ct));
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(42, error.RetryAfterSeconds);
        Assert.IsAssignableFrom<RateLimitedException>(error);
    }

    [Fact]
    public void MakeRequest_OrgIdMissing_ThrowsClearError()
    {
        using var auth = new MistAuth(new MistAuthOptions { ApiToken = "x-token", BaseUrl = sandbox.BaseUrl + "/api/v1" });
        var error = Assert.Throws<MistAuthException>(() => auth.MakeRequest("/orgs/{org_id}/sites", cancellationToken: Ct));
        Assert.Contains("OrgId", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new MistAuth(new MistAuthOptions { BaseUrl = "nope", Timeout = TimeSpan.Zero, MaxRetries = -1 }));
        Assert.Equal(4, error.Failures.Count());
        Assert.Equal("https://api.mist.com/api/v1", new MistAuthOptions().BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), new MistAuthOptions().Timeout);
        Assert.Equal(3, new MistAuthOptions().MaxRetries);
        Assert.Equal(1.0, new MistAuthOptions().BackoffFactor);
    }

    private MistAuth Auth(string token, int maxRetries = 1) => new(new MistAuthOptions
    {
        ApiToken = token,
        BaseUrl = sandbox.BaseUrl + "/api/v1",
        OrgId = sandbox.Seed.OrgId,
        MaxRetries = maxRetries,
        BackoffFactor = 0.01,
    });
}
