using Conduit.AuthService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Conduit.AuthService.Tests.Infrastructure.Calls;

namespace Conduit.AuthService.Tests;

/// <summary><see cref="AuthClientFactory"/>: one client per user over one connection pool, against a real auth server.</summary>
public sealed class AuthClientFactoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_ManyUsersAtOnce_EachClientKeepsItsOwnSession(bool sync)
    {
        await using var service = await TestAuthService.StartAsync();
        using var factory = new AuthClientFactory(new AuthClientOptions { BaseUrl = service.Server.BaseUrl, TimeProvider = service.Time }, service.ClientLoggerFactory);
        var emails = Enumerable.Range(0, 8).Select(_ => TestAuthService.NewEmail()).ToArray();
        var stores = emails.Select(_ => new InMemoryAuthTokenStore()).ToArray();

        await Task.WhenAll(emails.Select((email, i) => Task.Run(async () =>
        {
            await using var auth = factory.Create(stores[i]);
            await Run(sync, () => auth.Register(email, Password, "User", $"{i}", Ct), () => auth.RegisterAsync(email, Password, "User", $"{i}", Ct));
        }, Ct)));

        // Later requests: a new client per request over each user's saved tokens sees that user, not another.
        for (var i = 0; i < emails.Length; i++)
        {
            await using var auth = factory.Create(new InMemoryAuthTokenStore(stores[i].Load()));
            var me = await Run(sync, () => auth.GetCurrentUser(Ct), () => auth.GetCurrentUserAsync(Ct));
            Assert.Equal(emails[i], me.Email);
        }

        Assert.Equal(emails.Length, stores.Select(s => s.Load()!.AccessToken).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task DisposingACreatedClient_LeavesTheSharedConnectionsToTheOthers_DisposingTheFactoryStopsCreation()
    {
        await using var service = await TestAuthService.StartAsync();
        var factory = new AuthClientFactory(new AuthClientOptions { BaseUrl = service.Server.BaseUrl, TimeProvider = service.Time });
        var first = factory.Create(new InMemoryAuthTokenStore());
        await first.RegisterAsync(TestAuthService.NewEmail(), Password, "Ada", "Lovelace", Ct);
        await first.DisposeAsync();

        await using (var second = factory.Create(new InMemoryAuthTokenStore()))
        {
            var response = await second.RegisterAsync(TestAuthService.NewEmail(), Password, "Alan", "Turing", Ct);
            Assert.Equal("Alan Turing", response.User.FullName);
        }

        factory.Dispose();
        Assert.Throws<ObjectDisposedException>(() => factory.Create(new InMemoryAuthTokenStore()));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsTheProblem()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new AuthClientFactory(new AuthClientOptions { BaseUrl = new Uri("http://127.0.0.1:1/api/"), MaxRetries = 99 }));

        Assert.Contains("MaxRetries must be between 0 and 10, but was 99.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAuthClient_RegistersTheFactoryToo()
    {
        await using var service = await TestAuthService.StartAsync();
        var services = new ServiceCollection();
        services.AddAuthClient(o => o.BaseUrl = service.Server.BaseUrl);
        await using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<AuthClientFactory>();
        var store = new InMemoryAuthTokenStore();
        await using var auth = factory.Create(store);
        await auth.RegisterAsync(TestAuthService.NewEmail(), Password, "Grace", "Hopper", Ct);

        Assert.Same(factory, provider.GetRequiredService<AuthClientFactory>());
        Assert.NotNull(store.Load());
    }
}
