using System.Text.Json.Nodes;
using Conduit.Mist.Credentials;
using Conduit.Mist.Tests.Credentials.Support;
using CsCheck;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Credentials;

public sealed class MistCredentialResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OrgId = "203d3d02-0000-4000-8000-76896a3330f4";

    private static readonly MistCredentials Full = new()
    {
        Host = "api.mist.com",
        ApiTokens = ["full-token"],
        User = "u@example.com",
        Password = "full-password",
        OrgId = OrgId,
        Timeout = TimeSpan.FromSeconds(5),
        MaxRetries = 1,
        BackoffFactor = 0.5,
        RateLimitThreshold = 3,
        Proxy = new Uri("http://proxy.local:3128"),
        ConsoleLogLevel = LogLevel.Error,
        FileLogLevel = LogLevel.Trace,
    };

    [Fact]
    public async Task ResolveAsync_SixSources_EachFieldFromTheFirstThatHasIt()
    {
        using var folder = new TemporaryFolder();
        await using var vault = await VaultTestServer.StartAsync("vault-token-for-precedence");
        vault.Put("secret", "mist", new JsonObject { ["MIST_APITOKEN"] = "vault-token", ["MIST_ORG_ID"] = OrgId, ["MIST_TIMEOUT"] = "11" });
        var keyring = new FakeKeyring();
        keyring.SetPassword("svc", "MIST_ORG_ID", "11111111-1111-4111-8111-111111111111", Ct);
        keyring.SetPassword("svc", "MIST_PASSWORD", "keyring-password", Ct);
        var environment = new Dictionary<string, string>
        {
            ["MIST_APITOKEN"] = "env-token",
            ["MIST_HOST"] = "env.mist.example",
            ["MIST_ENV_FILE"] = folder.Write("mist.env", $"""
                MIST_HOST=file.mist.example
                MIST_USER=file-user@example.com
                MIST_MAX_RETRIES=7
                MIST_VAULT_URL={vault.Address}
                MIST_VAULT_PATH=mist
                MIST_VAULT_TOKEN=vault-token-for-precedence
                MIST_KEYRING_SERVICE=svc
                """),
        };
        var prompt = new ScriptedPrompt();
        var resolver = MistCredentialResolver.Create(new MistCredentialResolverOptions
        {
            Arguments = new MistCredentials { Host = "args.mist.example" },
            GetEnvironmentVariable = environment.GetValueOrDefault,
            Keyring = keyring,
            Prompt = prompt,
        });

        var resolution = await resolver.ResolveAsync(Ct);

        var c = resolution.Credentials;
        Assert.Equal(["arguments", "environment", $".env file '{environment["MIST_ENV_FILE"]}'", $"Vault secret 'secret/mist' at {vault.Address.GetLeftPart(UriPartial.Authority)}", "keyring 'svc' (fake keyring)", "prompt"], resolution.Sources);
        Assert.Equal("args.mist.example", c.Host);
        Assert.Equal(["env-token"], c.ApiTokens);
        Assert.Equal("file-user@example.com", c.User);
        Assert.Equal(7, c.MaxRetries);
        Assert.Equal(OrgId, c.OrgId);
        Assert.Equal(TimeSpan.FromSeconds(11), c.Timeout);
        Assert.Equal("keyring-password", c.Password);
        Assert.Empty(prompt.Questions);
        Assert.Equal(new MistCredentialOrigin("arguments", "Host"), resolution.OriginOf(MistCredentialFields.Host));
        Assert.Equal(new MistCredentialOrigin("environment", "MIST_APITOKEN"), resolution.OriginOf(MistCredentialFields.ApiTokens));
        Assert.Equal(resolution.Sources[3], resolution.OriginOf(MistCredentialFields.OrgId)!.Value.Source);
        Assert.Equal(new MistCredentialOrigin("keyring 'svc' (fake keyring)", "MIST_PASSWORD"), resolution.OriginOf(MistCredentialFields.Password));
        Assert.Null(resolution.OriginOf(MistCredentialFields.Proxy));
    }

    [Fact]
    public void Resolve_OnlyPromptHasAuthentication_PromptIsAsked()
    {
        var prompt = new ScriptedPrompt("", "grace@example.com", "typed-password");
        var resolver = MistCredentialResolver.Create(new MistCredentialResolverOptions
        {
            GetEnvironmentVariable = new Dictionary<string, string> { ["MIST_HOST"] = "api.eu.mist.com" }.GetValueOrDefault,
            UseEnvFile = false,
            Prompt = prompt,
        });

        var resolution = resolver.Resolve(Ct);

        Assert.Equal("grace@example.com", resolution.Credentials.User);
        Assert.Equal("typed-password", resolution.Credentials.Password);
        Assert.Equal(new MistCredentialOrigin("prompt", "MIST_PASSWORD"), resolution.OriginOf(MistCredentialFields.Password));
        Assert.Equal(3, prompt.Questions.Count);
    }

    [Fact]
    public void Resolve_EverythingFound_LaterSourcesAreNotAsked()
    {
        var first = new RecordingSource("first", Full);
        var second = new RecordingSource("second", Full);

        var resolution = new MistCredentialResolver([first, second]).Resolve(Ct);

        Assert.Single(first.Requests);
        Assert.Empty(second.Requests);
        Assert.All(resolution.Origins.Values, origin => Assert.Equal("first", origin.Source));
    }

    [Fact]
    public void Resolve_LaterSource_IsAskedOnlyForMissingFields()
    {
        var first = new RecordingSource("first", new MistCredentials { ApiTokens = ["a"], Host = "api.mist.com" });
        var second = new RecordingSource("second", Full);

        new MistCredentialResolver([first, second]).Resolve(Ct);

        var request = Assert.Single(second.Requests);
        Assert.Equal(MistCredentialFields.All & ~(MistCredentialFields.ApiTokens | MistCredentialFields.Host), request.Missing);
        Assert.Equal(MistCredentialFields.ApiTokens | MistCredentialFields.Host, request.Resolved);
        Assert.True(request.IsAuthenticationResolved);
    }

    [Fact]
    public void Resolve_Precedence_HoldsForAnyDistributionOfFields()
    {
        string[] names = ["a", "b", "c", "d"];
        Gen.Int[0, 15].Array[12].Sample(masks =>
        {
            var sources = names.Select((name, index) =>
            {
                var fields = MistCredentialKeys.Split(MistCredentialFields.All)
                    .Where((_, field) => (masks[field] & (1 << index)) != 0)
                    .Aggregate(MistCredentialFields.None, (set, field) => set | field);
                return new RecordingSource(name, MistCredentialFieldAccess.Keep(Full, fields));
            }).ToArray();

            var resolution = new MistCredentialResolver(sources) { RequireAuthentication = false }.Resolve();

            var fieldIndex = 0;
            foreach (var field in MistCredentialKeys.Split(MistCredentialFields.All))
            {
                var mask = masks[fieldIndex++];
                var expected = mask == 0 ? null : names[System.Numerics.BitOperations.TrailingZeroCount(mask)];
                if (resolution.OriginOf(field)?.Source != expected)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Resolve_NoAuthenticationAnywhere_OneErrorNamingTheSources()
    {
        var resolver = MistCredentialResolver.Create(new MistCredentialResolverOptions
        {
            GetEnvironmentVariable = _ => null,
            UseEnvFile = false,
            Prompt = new ScriptedPrompt { IsInteractive = false },
        });

        var ex = Assert.Throws<MistCredentialException>(() => resolver.Resolve(Ct));

        Assert.Equal("No Mist credentials were found: set MIST_APITOKEN (or MIST_USER and MIST_PASSWORD); looked in environment, prompt. No terminal is attached, so they could not be asked for.", ex.Message);
    }

    [Fact]
    public async Task ResolveAsync_UserWithoutPassword_SaysWhichIsMissing()
    {
        var resolver = new MistCredentialResolver([new EnvironmentCredentialSource(new Dictionary<string, string> { ["MIST_USER"] = "ada@example.com" }.GetValueOrDefault)]);

        var ex = await Assert.ThrowsAsync<MistCredentialException>(() => resolver.ResolveAsync(Ct).AsTask());

        Assert.Equal("MIST_PASSWORD is missing: MIST_USER came from environment (MIST_USER) but no source has a password (looked in environment).", ex.Message);
        Assert.Equal("MIST_PASSWORD", ex.Key);
    }

    [Fact]
    public void Resolve_Secrets_NeverReachLogsOrDescription()
    {
        var logs = new CredentialLogCapture();
        var resolver = MistCredentialResolver.Create(new MistCredentialResolverOptions
        {
            Arguments = new MistCredentials { Password = "argument-password-secret" },
            GetEnvironmentVariable = new Dictionary<string, string>
            {
                ["MIST_APITOKEN"] = "environment-token-secret-1,environment-token-secret-2",
                ["MIST_USER"] = "ada@example.com",
                ["HTTPS_PROXY"] = "http://proxy-user:proxy-password-secret@proxy.local:3128",
            }.GetValueOrDefault,
            UseEnvFile = false,
            Interactive = false,
            LoggerFactory = logs,
        });

        var resolution = resolver.Resolve(Ct);
        var description = resolution.Describe();

        Assert.NotEmpty(logs.Lines);
        Assert.Contains("ApiTokens: environment (MIST_APITOKEN), 2 values", description, StringComparison.Ordinal);
        Assert.Contains("Password: arguments (Password)", description, StringComparison.Ordinal);
        Assert.Contains("OrgId: not set", description, StringComparison.Ordinal);
        foreach (var text in new[] { logs.AllText, description, resolution.Credentials.ToString() })
        {
            Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Resolve_MalformedArgument_NamesArgumentsAndProperty()
    {
        var resolver = new MistCredentialResolver([new ArgumentCredentialSource(new MistCredentials { ApiTokens = ["t"], MaxRetries = -2 })]);

        var ex = Assert.Throws<MistCredentialException>(() => resolver.Resolve(Ct));

        Assert.Equal("MaxRetries in arguments must not be negative: '-2'.", ex.Message);
    }

    [Fact]
    public void Resolve_RestrictedFields_ResolvesOnlyThose()
    {
        var source = new RecordingSource("only", Full);

        var resolution = new MistCredentialResolver([source]) { Fields = MistCredentialFields.Host | MistCredentialFields.OrgId }.Resolve(Ct);

        Assert.Equal(MistCredentialFields.Host | MistCredentialFields.OrgId, resolution.Credentials.PresentFields);
    }
}
