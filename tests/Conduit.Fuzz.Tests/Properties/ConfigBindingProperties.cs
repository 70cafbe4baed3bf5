using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conduit.Fuzz.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Integrations;
using Conduit.Integrations.Configuration;
using Conduit.Integrations.DependencyInjection;
using Conduit.Mist.Sessions;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Conduit.Fuzz.Tests.Infrastructure.ConfigShape;
using Kind = Conduit.Fuzz.Tests.Infrastructure.ConfigShape.Kind;

namespace Conduit.Fuzz.Tests.Properties;

/// <summary>
/// Random configuration documents bound the way applications bind them (AddJsonStream, then DI options with
/// ValidateOnStart) end in a valid options object or a clear validation error — never another exception type.
/// </summary>
public sealed class ConfigBindingProperties(FuzzReport report)
{
    private const string Target = "Configuration binding (documents by outcome)";

    private static readonly Kind Retry = ConfigShape.Object(
        ("MaxRetries", Int), ("InitialDelay", Duration), ("MaxDelay", Duration), ("ExponentialBase", Number), ("UseJitter", Bool),
        ("RetryableStatusCodes", IntList), ("RetryOnTimeout", Bool), ("RetryOnConnectionFailure", Bool), ("HonorRetryAfter", Bool), ("JitterSource", Unbindable));

    private static readonly Kind ClientOptions = ConfigShape.Object(
        ("Name", Text), ("BaseAddress", Url), ("DefaultHeaders", Map), ("UserAgent", Text), ("Retry", Retry),
        ("RateLimit", ConfigShape.Object(("RequestsPerWindow", Int), ("Window", Duration), ("Burst", Int), ("QueueLimit", Int))),
        ("ServerRateLimit", ConfigShape.Object(("PauseOnServerSignal", Bool), ("LowQuotaWarningThreshold", Int))),
        ("CircuitBreaker", ConfigShape.Object(("FailureRatio", Number), ("MinimumThroughput", Int), ("SamplingDuration", Duration), ("BreakDuration", Duration))),
        ("AttemptTimeout", Duration), ("TotalTimeout", Duration),
        ("Proxy", ConfigShape.Object(("Address", Url), ("UserName", Text), ("Password", Text), ("BypassList", TextList), ("BypassOnLocal", Bool), ("UseEnvironment", Bool))),
        ("VerifyTls", Bool), ("ServerCertificateValidation", Unbindable), ("MaxResponseBodySize", Int), ("MaxConnectionsPerServer", Int), ("UseCookies", Bool),
        ("Redaction", ConfigShape.Object(("SensitiveNameFragments", TextList), ("SensitiveExactNames", TextList))), ("LogBodies", Bool),
        ("Authentication", Unbindable), ("TimeProvider", Unbindable), ("RateLimiter", Unbindable));

    // A duration past TimeSpan's range with a unit ("1e10h") makes the integration reader throw OverflowException (see the
    // known-bug test); while it does, such durations are left out of integration documents.
    private static readonly bool DurationBugPresent = KnownBug.IsPresent(DurationPastTimeSpanIsAnErrorNotAnOverflow);

    private static readonly Kind IntegrationDuration = new(Duration.Good, Duration.Edge.Where(static d => !DurationBugPresent || !Overflows(d)));

    // A circuit-breaker duration over a day passes ConduitClientOptions validation and then fails in Polly (see the known-bug test).
    private static readonly bool BreakerBugPresent = KnownBug.IsPresent(LongBreakDurationIsAnOptionsValidationError);

    // A null entry in Redaction's name lists (bound from an empty object) makes building the client throw NullReferenceException.
    private static readonly bool NullNameBugPresent = KnownBug.IsPresent(NullRedactionNameIsHandled);

    // A DefaultHeaders name with a non-token character ('@', '"') passes validation and then fails building the client.
    private static readonly bool HeaderNameBugPresent = KnownBug.IsPresent(NonTokenHeaderNameIsAnOptionsValidationError);

    // A RateLimit.Window longer than a timer can wait (about 49.7 days) makes building the client throw ArgumentOutOfRangeException.
    private static readonly bool LongWindowBugPresent = KnownBug.IsPresent(LongRateLimitWindowIsAnOptionsValidationError);

    // An enum given as an undefined number ("Mode": "7") passes MistSessionOptions validation (see the known-bug test).
    private static readonly bool EnumBugPresent = KnownBug.IsPresent(UndefinedModeFailsValidation);

    private static readonly Kind Integration = ConfigShape.Object(
        ("name", Text), ("baseUrl", Url), ("timeout", IntegrationDuration), ("totalTimeout", IntegrationDuration), ("verifyTls", Bool), ("defaultHeaders", Map),
        ("authentication", ConfigShape.Object(
            ("type", OneOf("none", "api_key", "apiKey", "bearer", "bearer_token", "basic", "oauth2", "mist_token", "API-KEY")), ("apiKey", Text), ("token", Text),
            ("username", Text), ("password", Text), ("tokenUrl", Url), ("clientId", Text), ("clientSecret", Text), ("apiKeyLocation", OneOf("header", "query")),
            ("headerName", Text), ("queryParameter", Text), ("scopes", TextList), ("useBasicClientAuthentication", Bool))),
        ("rateLimit", ConfigShape.Object(("enabled", Bool), ("requestsPerWindow", Int), ("window", IntegrationDuration), ("burst", Int), ("queueLimit", Int))),
        ("retry", ConfigShape.Object(
            ("enabled", Bool), ("maxRetries", Int), ("initialDelay", IntegrationDuration), ("maxDelay", IntegrationDuration), ("exponentialBase", Number), ("useJitter", Bool),
            ("retryableStatusCodes", IntList), ("retryOnTimeout", Bool), ("retryOnConnectionFailure", Bool), ("honorRetryAfter", Bool))),
        ("healthCheck", ConfigShape.Object(("enabled", Bool), ("path", Text), ("method", OneOf("GET", "HEAD", "get", "BREW")), ("timeout", IntegrationDuration), ("degradedThreshold", IntegrationDuration))));

    private static readonly Gen<JsonNode?> IntegrationList = Gen.Frequency(
        (4, Integration.Good.Array[0, 3].Select(static items => (JsonNode?)new JsonArray([.. items]))),
        (2, Gen.Select(Gen.OneOf("crm", "billing", "Mist", "a b", "0"), Integration.Good).Array[0, 3].Select(static pairs =>
        {
            var o = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                if (!o.ContainsKey(name))
                {
                    o[name] = value;
                }
            }

            return (JsonNode?)o;
        })),
        (1, AnyJson));

    private static readonly Kind SessionOptions = ConfigShape.Object(
        ("Cloud", Unbindable), ("Host", new Kind(Gen.OneOf(Url.Good, OneOf("EMEA 01", "global 01", "APAC 03", "api.mist.com", "manage.eu.mist.com").Good), Url.Edge)),
        ("ApiToken", new Kind(OneOf("tok1,tok2", "token-a", "t1, t2 ,t3").Good, OneOf(" , ,", "a b", "tok\u0001").Good)), ("ApiTokens", TextList),
        ("Email", Text), ("Password", Text), ("TwoFactorCode", new Kind(OneOf("123456", " 123456 ").Good, OneOf("12345", "１２３４５６", "abcdef").Good)), ("Prompt", Unbindable),
        ("Mode", new Kind(OneOf("Auto", "ApiToken", "Login", "Basic", "apitoken", "Login,Basic").Good, OneOf("0", "3", "7", "-1", "Basic,7").Good)),
        ("ValidateTokens", Bool), ("CallsPerTokenPerWindow", Int), ("BudgetWindow", Duration),
        ("WhenTokensExhausted", new Kind(OneOf("Wait", "Throw", "wait").Good, OneOf("1", "2", "99").Good)),
        ("RateLimitedTokenCooldown", Duration), ("PageConcurrency", Int), ("AttemptTimeout", Duration), ("TotalTimeout", Duration), ("MaxRetries", Int),
        ("Proxy", Url), ("VerifyTls", Bool), ("ServerCertificateValidation", Unbindable), ("TimeProvider", Unbindable), ("ConfigureClient", Unbindable));

    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    [Fact]
    public void ConduitClientOptions_AnyDocument_BindsToValidOptionsOrAClearError()
    {
        Check("ConduitClientOptions", "Http/ConduitClientOptions*.cs, DependencyInjection, Transport/HttpHandlerFactory.cs",
            Document(ClientOptions).Select(static o => (JsonNode)new JsonObject { ["Client"] = o }),
            static root =>
            {
                var services = new ServiceCollection();
                services.AddConduitClient("fuzz").Bind(root.GetSection("Client"));
                using var provider = services.BuildServiceProvider();
                var options = provider.GetRequiredService<IOptionsMonitor<ConduitClientOptions>>().Get("fuzz");

                // Valid options build a working client: handler, pipeline, rate limiter and all.
                Assert.Empty(options.Validate());
                try
                {
                    Assert.NotNull(provider.GetRequiredService<IConduitClientFactory>().GetClient("fuzz").Redactor);
                }
                catch (Exception ex) when (KnownClientBug(ex) is { } bug)
                {
                    throw new KnownBugHit(bug);
                }
            });
    }

    [Fact]
    public void IntegrationConfiguration_AnyDocument_LoadsOrListsTheProblems()
    {
        Check("Integrations JSON file", "Integrations/Configuration/*.cs, IntegrationOptionsValidation.cs",
            Gen.Select(IntegrationList, Gen.Bool).Select(static (list, schema) =>
            {
                var root = new JsonObject { ["integrations"] = list };
                if (schema)
                {
                    root["$schema"] = "./schema.json";
                }

                return (JsonNode)root;
            }),
            static root =>
            {
                var loaded = IntegrationConfiguration.LoadFileConfiguration(root, static name => name == "CONDUIT_FUZZ_SET" ? "value" : null);
                using var manager = new IntegrationManager(new IntegrationManagerOptions { Environment = static _ => null });
                foreach (var integration in loaded)
                {
                    manager.Register(integration);
                }
            });
    }

    [Fact]
    public void IntegrationsServiceCollection_AnyDocument_StartsOrFailsValidation()
    {
        Check("Integrations via services.AddConduit(section)", "Integrations/DependencyInjection/*.cs",
            IntegrationList.Select(static list => (JsonNode)new JsonObject { ["Conduit"] = new JsonObject { ["Integrations"] = list } }),
            static root =>
            {
                var services = new ServiceCollection();
                services.AddConduit(root);
                services.Configure<ConduitIntegrationsOptions>(static o => o.Environment = static _ => null);
                using var provider = services.BuildServiceProvider();
                _ = provider.GetRequiredService<IOptions<ConduitIntegrationsOptions>>().Value;
                _ = provider.GetRequiredService<IntegrationManager>().Count;
            });
    }

    [Fact]
    public void MistSessionOptions_AnyDocument_BindsToValidOptionsOrAClearError()
    {
        Check("MistSessionOptions", "Mist/Sessions/MistSessionOptions*.cs, DependencyInjection",
            Document(SessionOptions).Select(static o => (JsonNode)new JsonObject { ["Mist"] = o }),
            static root =>
            {
                var services = new ServiceCollection();
                services.AddMistSession().Bind(root.GetSection("Mist"));
                using var provider = services.BuildServiceProvider();
                var options = provider.GetRequiredService<IOptions<MistSessionOptions>>().Value;

                // What MistSession.Start does with valid options must not throw either.
                Assert.Empty(options.Validate());
                Assert.NotNull(options.ResolveCloud());
                if (EnumBugPresent && !(Enum.IsDefined(options.ResolveMode()) && Enum.IsDefined(options.WhenTokensExhausted)))
                {
                    throw new KnownBugHit("undefined enum number passed validation");
                }

                Assert.True(Enum.IsDefined(options.ResolveMode()), $"Mode {options.Mode} passed validation");
                Assert.True(Enum.IsDefined(options.WhenTokensExhausted), $"WhenTokensExhausted {options.WhenTokensExhausted} passed validation");
            });
    }

    [Fact]
    public void ConduitClient_ProxyBypassEntryThatIsNotARegex_FailsWithAClearValidationError()
    {
        // Found by ConduitClientOptions_AnyDocument_…: WebProxy's RegexParseException used to escape from HttpHandlerFactory.
        var options = new ConduitClientOptions { Name = "proxied", Proxy = { Address = new Uri("http://127.0.0.1:3128"), BypassList = ["*.local"] } };
        var services = new ServiceCollection();
        services.AddConduitClient("proxied", o => o.Proxy = options.Proxy);
        using var provider = services.BuildServiceProvider();

        var direct = Assert.Throws<OptionsValidationException>(() => new ConduitClient(options));
        var injected = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IConduitClientFactory>().GetClient("proxied"));

        Assert.Contains("Conduit client 'proxied': Proxy.BypassList holds regular expressions", direct.Message, StringComparison.Ordinal);
        Assert.Contains("'*.local'", direct.Message, StringComparison.Ordinal);
        Assert.Equal(direct.Message, injected.Message);
    }

    [Fact]
    public void CircuitBreakerDurationOverADay_IsAnOptionsValidationError() =>
        KnownBug.Check(report,
            "`new ConduitClient(new ConduitClientOptions { CircuitBreaker = new() { BreakDuration = TimeSpan.FromDays(2) } })` (or SamplingDuration over a "
            + "day) passes `ConduitClientOptions.Validate()` (Http/ConduitClientOptionsValidation.cs) and then throws "
            + "System.ComponentModel.DataAnnotations.ValidationException from Polly's CircuitBreakerStrategyOptions (range 0.5 s to 1 day) while the "
            + "client is built; bound from configuration (`\"BreakDuration\": \"3.00:00:00\"`) it fails start-up with that exception instead of an "
            + "OptionsValidationException. Fix: validate both durations against Polly's 1-day maximum.",
            LongBreakDurationIsAnOptionsValidationError);

    [Fact]
    public void CircuitBreakerFailureRatioNaN_IsAnOptionsValidationError() =>
        KnownBug.Check(report,
            "`new ConduitClient(new ConduitClientOptions { CircuitBreaker = new() { FailureRatio = double.NaN } })` passes "
            + "`ConduitClientOptions.Validate()` (Http/ConduitClientOptionsValidation.cs: `FailureRatio is <= 0 or > 1` is false for NaN) and then "
            + "throws System.ComponentModel.DataAnnotations.ValidationException from Polly's CircuitBreakerStrategyOptions while the client is built; "
            + "configuration reaches it with `\"FailureRatio\": \"NaN\"`. Fix: accept only ratios for which `0 < r <= 1` holds.",
            NaNFailureRatioIsAnOptionsValidationError);

    [Fact]
    public void IntegrationTokenWithANul_IsAConfigurationError() =>
        KnownBug.Check(report,
            "`services.AddConduit(configuration)` with an integration `\"authentication\": {\"type\": \"bearer_token\", \"token\": \"a\\u0000b\"}` "
            + "throws System.FormatException (\"New-line or NUL characters are not allowed in header values\") from "
            + "`HeaderAuthentication` (Http/Authentication/HeaderAuthentication.cs, its AuthenticationHeaderValue) when the manager builds the "
            + "integration, instead of an IntegrationConfigurationException. Found with 200× the usual cases. Fix: HeaderAuthentication refuses "
            + "such credentials (and invalid header names) with an ArgumentException that does not show them; the integration factory reports it "
            + "as a configuration error.",
            static () =>
            {
                using var manager = new IntegrationManager();
                var options = new IntegrationOptions { Name = "crm", BaseUrl = new Uri("http://localhost:5000/api/") };
                options.Authentication.Type = Conduit.Integrations.Authentication.IntegrationAuthenticationType.Bearer;
                options.Authentication.Token = "a\0b";
                Assert.Throws<IntegrationConfigurationException>(() => manager.Register(options));
            });

    [Fact]
    public void MistHostWithUserInformation_IsAValidationError() =>
        KnownBug.Check(report,
            "`new MistSessionOptions { Host = \":x{@A\", ApiToken = \"t\" }.Validate()` throws UriFormatException (\"The username:password "
            + "construct is badly formed\") from `MistCloud.TryParse` (Mist/Clouds/MistCloud.cs): \"https://:x{@A\" parses as user information "
            + "before host \"A\", and building the WebSocket URL from it fails. Found with 200× the usual cases. Fix: a cloud URL with user "
            + "information is not a cloud (TryParse returns false; Custom refuses it without showing it).",
            static () => Assert.NotEmpty(new MistSessionOptions { Host = ":x{@A", ApiToken = "tok1" }.Validate()));

    [Fact]
    public void RedactionNameListWithANullEntry_IsHandled() =>
        KnownBug.Check(report,
            "`new ConduitClient(new ConduitClientOptions { Redaction = { SensitiveExactNames = { null! } } })` throws NullReferenceException from "
            + "`SecretRedactor.Normalize` (Http/Redaction/SecretRedactor.cs, called by its constructor); configuration produces the null from "
            + "`\"Redaction\": {\"SensitiveExactNames\": [{}]}` (the same for SensitiveNameFragments). `ConduitClientOptions.Validate()` does not "
            + "look at the lists. Fix: skip null/blank names in the SecretRedactor constructor (or report them in validation).",
            NullRedactionNameIsHandled);

    [Fact]
    public void RateLimitWindowLongerThanATimerCanWait_IsAnOptionsValidationError() =>
        KnownBug.Check(report,
            "`new ConduitClient(new ConduitClientOptions { RateLimit = new() { Window = TimeSpan.FromDays(60) } })` passes validation and then throws "
            + "ArgumentOutOfRangeException (\"dueTime must be less than or equal to 4294967294\") from TimeProvider.CreateTimer in "
            + "`TimedTokenBucketRateLimiter` (Http/RateLimiting/TimedTokenBucketRateLimiter.cs); configuration reaches it with "
            + "`\"RateLimit\": {\"Window\": \"60.00:00:00\"}`. Fix: validate Window against the timer limit (about 49.7 days) in "
            + "ConduitClientOptionsValidation.",
            LongRateLimitWindowIsAnOptionsValidationError);

    [Fact]
    public void DefaultHeaderNameWithANonTokenCharacter_IsAnOptionsValidationError() =>
        KnownBug.Check(report,
            "`new ConduitClient(new ConduitClientOptions { DefaultHeaders = { [\"a@b\"] = \"x\" } })` throws FormatException (\"The header name 'a@b' "
            + "has an invalid format\") while building the client (Http/Pipeline/MessageTransport.cs, `headers.Remove(name)`): "
            + "ConduitClientOptionsValidation (Http/ConduitClientOptionsValidation.cs) rejects only controls, spaces, ':' and non-ASCII, not the other "
            + "non-token characters of RFC 9110 §5.6.2 (\"(),/;<=>?@[\\]{}). Fix: check names against the token grammar.",
            NonTokenHeaderNameIsAnOptionsValidationError);

    [Fact]
    public void IntegrationDuration_PastTimeSpan_IsAnErrorNotAnOverflow() =>
        KnownBug.Check(report,
            "`IntegrationConfiguration.Load` of `{\"timeout\": \"1e10h\"}` (or `\"9e15ms\"`) throws OverflowException instead of an "
            + "IntegrationConfigurationException: `ConfigurationSectionReader.ParseDuration` (Integrations/Configuration/ConfigurationSectionReader.cs) checks "
            + "the range only for plain seconds, not after applying a unit. Also reached through services.AddConduit(configuration). "
            + "Fix: return null when `n * scale` is not finite or exceeds TimeSpan.MaxValue.TotalSeconds.",
            DurationPastTimeSpanIsAnErrorNotAnOverflow);

    [Fact]
    public void MistSessionOptions_UndefinedEnumNumber_FailsValidation() =>
        KnownBug.Check(report,
            "`new MistSessionOptions { ApiToken = \"t\", Mode = (MistAuthenticationMode)7 }.Validate()` (Mist/Sessions/MistSessionOptionsValidation.cs) "
            + "is empty, so configuration `\"Mode\": \"7\"` (or `\"WhenTokensExhausted\": \"2\"`) binds and validates; MistSession then treats the "
            + "unknown mode as Basic authentication with no email. Fix: report `Enum.IsDefined` failures for Mode and WhenTokensExhausted.",
            UndefinedModeFailsValidation);

    /// <summary>Mostly documents of the expected shape, sometimes any JSON at all.</summary>
    private static Gen<JsonNode?> Document(Kind shape) => Gen.Frequency((9, shape.Good), (1, AnyJson));

    /// <summary>Names the known bug an exception from building a client comes from, while that bug is present; else null.</summary>
    private static string? KnownClientBug(Exception ex) => ex switch
    {
        System.ComponentModel.DataAnnotations.ValidationException when BreakerBugPresent && ex.Message.Contains("CircuitBreakerStrategyOptions", StringComparison.Ordinal)
            => "circuit-breaker duration over a day passed validation",
        NullReferenceException when NullNameBugPresent && ex.StackTrace?.Contains("SecretRedactor.Normalize", StringComparison.Ordinal) == true
            => "null Redaction name entry",
        ArgumentOutOfRangeException { ParamName: "dueTime" } when LongWindowBugPresent && ex.StackTrace?.Contains("TimedTokenBucketRateLimiter", StringComparison.Ordinal) == true
            => "RateLimit.Window longer than a timer can wait",
        FormatException when HeaderNameBugPresent && ex.Message.StartsWith("The header name", StringComparison.Ordinal)
            => "DefaultHeaders name with a non-token character",
        _ => null,
    };

    private static void NonTokenHeaderNameIsAnOptionsValidationError() =>
        Assert.Throws<OptionsValidationException>(() => new ConduitClient(new ConduitClientOptions { DefaultHeaders = { ["a@b"] = "x" } }));

    private static void LongRateLimitWindowIsAnOptionsValidationError() =>
        Assert.Throws<OptionsValidationException>(() => new ConduitClient(new ConduitClientOptions { RateLimit = new() { Window = TimeSpan.FromDays(60) } }));

    private static void NullRedactionNameIsHandled()
    {
        var options = new ConduitClientOptions();
        options.Redaction.SensitiveExactNames.Add(null!);
        options.Redaction.SensitiveNameFragments.Add(null!);
        var ex = Record.Exception(() => new ConduitClient(options).Dispose());
        Assert.True(ex is null or OptionsValidationException, ex?.GetType().Name);
    }

    private static void NaNFailureRatioIsAnOptionsValidationError() =>
        Assert.Throws<OptionsValidationException>(() => new ConduitClient(new ConduitClientOptions { CircuitBreaker = new() { FailureRatio = double.NaN } }));

    private static void LongBreakDurationIsAnOptionsValidationError() =>
        Assert.Throws<OptionsValidationException>(() => new ConduitClient(new ConduitClientOptions { CircuitBreaker = new() { BreakDuration = TimeSpan.FromDays(2) } }));

    private static void DurationPastTimeSpanIsAnErrorNotAnOverflow() => _ = ConfigurationSectionReader.ParseDuration("1e10h");

    private static void UndefinedModeFailsValidation() =>
        Assert.NotEmpty(new MistSessionOptions { ApiToken = "t", Mode = (MistAuthenticationMode)7, WhenTokensExhausted = (MistTokenExhaustion)2 }.Validate());

    private static bool Overflows(JsonNode? duration) =>
        duration is JsonValue value && KnownBug.IsPresent(() => ConfigurationSectionReader.ParseDuration(value.ToString()));

    private void Check(string name, string subject, Gen<JsonNode> documents, Action<IConfigurationRoot> bind)
    {
        Property.Check(report, $"Config binding: {name} from random JSON", subject, FuzzCases.Binding, documents,
            document =>
            {
                var outcome = Outcome(document, bind);
                _outcomes.AddOrUpdate(name + "|" + outcome, 1, static (_, n) => n + 1);
            },
            static document => document.ToJsonString());
        foreach (var (key, count) in _outcomes.Where(o => o.Key.StartsWith(name + "|", StringComparison.Ordinal)))
        {
            for (var i = 0; i < count; i++)
            {
                report.Answer(Target, name, key[(name.Length + 1)..]);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"  {key[(name.Length + 1)..]}: {count:N0}");
        }
    }

    /// <summary>Binds one document: "valid", or the name of the clear error it was rejected with; anything else throws.</summary>
    private static string Outcome(JsonNode document, Action<IConfigurationRoot> bind)
    {
        if (ConfigShape.Build(document) is not { } root)
        {
            return "refused by the JSON configuration provider";
        }

        try
        {
            bind(root);
            return "valid";
        }
        catch (OptionsValidationException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return nameof(OptionsValidationException);
        }
        catch (IntegrationConfigurationException ex)
        {
            Assert.NotEmpty(ex.Errors);
            return nameof(IntegrationConfigurationException);
        }
        catch (KnownBugHit hit)
        {
            return "known bug: " + hit.Message;
        }
        catch (InvalidOperationException ex) when (ex.GetType() == typeof(InvalidOperationException))
        {
            // The configuration binder's own error: a value that does not convert, or a type it cannot create.
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return "InvalidOperationException (binder)";
        }
    }
}
