using Conduit.Mist.Clouds;
using Conduit.Mist.Sessions;
using Conduit.Mist.Tests.TestSupport;
using Conduit.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conduit.Mist.Tests.Sessions;

public sealed class MistSessionOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Validate_ManyProblems_ListsEveryOneWithoutSecrets()
    {
        var options = new MistSessionOptions
        {
            Host = "not a host/x",
            Mode = MistAuthenticationMode.Login,
            Password = "sup3r-secret",
            TwoFactorCode = "12ab",
            CallsPerTokenPerWindow = 0,
            PageConcurrency = 0,
            MaxRetries = -1,
        };

        var errors = options.Validate();

        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Host", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Email is required", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("sup3r-secret", StringComparison.Ordinal));
        var thrown = Assert.Throws<OptionsValidationException>(() => MistSession.Start(options, cancellationToken: Ct));
        Assert.Equal(6, thrown.Failures.Count());
    }

    [Fact]
    public async Task FromCredentials_ResolvedFromArguments_StartsASessionThatCallsTheApi()
    {
        await using var sandbox = await MistSandbox.StartAsync(TokenSessionTests.Sandbox(), Ct);
        var resolver = Conduit.Mist.Credentials.MistCredentialResolver.Create(new Conduit.Mist.Credentials.MistCredentialResolverOptions
        {
            Arguments = new Conduit.Mist.Credentials.MistCredentials { Host = sandbox.BaseUrl, ApiTokens = [sandbox.Seed.Tokens[0]] },
            Interactive = false,
        });
        var credentials = (await resolver.ResolveAsync(Ct)).Credentials;

        var options = MistSessionOptions.FromCredentials(credentials);
        await using var session = await MistSession.StartAsync(options, cancellationToken: Ct);
        var self = await session.Client.GetAsync("/api/v1/self", Ct);

        Assert.Equal(MistAuthenticationMode.ApiToken, options.Mode);
        Assert.Equal(System.Net.HttpStatusCode.OK, self.StatusCode);
    }

    [Fact]
    public void FromCredentials_Login_MapsEveryFieldAndKeepsDefaultsForTheRest()
    {
        var credentials = new Conduit.Mist.Credentials.MistCredentials
        {
            Host = "api.eu.mist.com",
            User = "ops@example.com",
            Password = "not-a-real-password",
            Proxy = new Uri("http://proxy.example:3128"),
            MaxRetries = 7,
            Timeout = TimeSpan.FromSeconds(12),
        };

        var options = MistSessionOptions.FromCredentials(credentials);
        var defaults = MistSessionOptions.FromCredentials(new Conduit.Mist.Credentials.MistCredentials());

        Assert.Equal(("api.eu.mist.com", "ops@example.com"), (options.Host, options.Email));
        Assert.True(options.Password == credentials.Password, "the password is carried over (not printed)");
        Assert.Equal(MistAuthenticationMode.Login, options.Mode);
        Assert.Equal(new Uri("http://proxy.example:3128"), options.Proxy);
        Assert.Equal((7, TimeSpan.FromSeconds(12)), (options.MaxRetries, options.AttemptTimeout));
        Assert.Empty(options.AllApiTokens());
        Assert.Equal(MistAuthenticationMode.Auto, defaults.Mode);
        Assert.Equal((new MistSessionOptions().MaxRetries, new MistSessionOptions().AttemptTimeout), (defaults.MaxRetries, defaults.AttemptTimeout));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void AllApiTokens_CommaSeparatedAndList_MergedTrimmedWithoutDuplicates()
    {
        var options = new MistSessionOptions { ApiToken = " a1, b2 ,,a1" };
        options.ApiTokens.Add("c3");
        options.ApiTokens.Add("b2");
        Assert.Equal(["a1", "b2", "c3"], options.AllApiTokens());
        Assert.Equal(MistAuthenticationMode.ApiToken, options.ResolveMode());
        Assert.Same(MistCloud.Global01, options.ResolveCloud());
        Assert.Same(MistCloud.Apac02, new MistSessionOptions { Host = "api.gc5.mist.com" }.ResolveCloud());
    }

    [Fact]
    public void AddMistSession_InvalidOptions_FailsAtStartWithEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddMistSession(o => o.Mode = MistAuthenticationMode.Basic);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public async Task AddMistSession_ValidOptions_ResolvesAStartedSessionAndItsClient()
    {
        await using var sandbox = await MistSandbox.StartAsync(TokenSessionTests.Sandbox(), Ct);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMistSession(o =>
        {
            o.Cloud = MistCloud.Custom(new Uri(sandbox.BaseUrl));
            o.ApiToken = sandbox.Seed.Tokens[0];
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var session = provider.GetRequiredService<MistSession>();
        Assert.NotNull(session.Self);
        Assert.Same(session.Client, provider.GetRequiredKeyedService<Conduit.Http.ConduitClient>(MistSessionServiceCollectionExtensions.ClientKey));
    }
}
