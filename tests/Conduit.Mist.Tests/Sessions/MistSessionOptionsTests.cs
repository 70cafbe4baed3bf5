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
