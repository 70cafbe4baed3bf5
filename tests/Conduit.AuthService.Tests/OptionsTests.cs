using Conduit.AuthService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conduit.AuthService.Tests;

public sealed class OptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Defaults_NewOptions_MatchTheSeedClient()
    {
        var options = new AuthClientOptions();

        Assert.Equal(new Uri("https://localhost/api"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.True(options.VerifySsl);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RefreshBeforeExpiry);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Null(options.TokenStore);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new AuthClientOptions
        {
            BaseUrl = new Uri("ftp://example.com/api"),
            Timeout = TimeSpan.Zero,
            MaxRetries = -1,
            RefreshBeforeExpiry = TimeSpan.FromSeconds(-1),
        };

        var error = Assert.Throws<OptionsValidationException>(() => new AuthClient(options));

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains("BaseUrl must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be between 10 ms and 1 h", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries must be between 0 and 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("RefreshBeforeExpiry must not be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuthClient_InvalidOptions_FailsAtStartUp()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o => o.MaxRetries = 99);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MaxRetries must be between 0 and 10, but was 99.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAuthClient_ValidOptions_ResolvesOneClientUsingTheRegisteredTokenStore()
    {
        await using var service = await TestAuthService.StartAsync();
        var store = new InMemoryAuthTokenStore();
        var services = new ServiceCollection();
        services.AddSingleton<IAuthTokenStore>(store);
        services.AddAuthClient(o => o.BaseUrl = service.Server.BaseUrl);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<AuthClient>();
        await client.RegisterAsync(TestAuthService.NewEmail(), Calls.Password, "Ivan", "Sutherland", Ct);

        Assert.Same(client, provider.GetRequiredService<AuthClient>());
        Assert.NotNull(store.Load());
    }

    [Fact]
    public async Task Options_ChangedAfterConstruction_DoNotAffectTheClient()
    {
        await using var service = await TestAuthService.StartAsync();
        var options = new AuthClientOptions { BaseUrl = service.Server.BaseUrl };
        using var client = new AuthClient(options);

        options.BaseUrl = new Uri("http://127.0.0.1:1/api");

        Assert.True((await client.HealthCheckAsync(Ct)).IsHealthy);
    }
}
