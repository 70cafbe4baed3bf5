using Conduit.Integrations.Authentication;
using Conduit.Integrations.Configuration;
using Microsoft.Extensions.Configuration;

namespace Conduit.Integrations.Tests.Configuration;

public sealed class IntegrationConfigurationTests
{
    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal)
    {
        ["GITHUB_TOKEN"] = "gh-token",
        ["WEATHER_API_KEY"] = "wx-key",
        ["BILLING_CLIENT_SECRET"] = "billing-secret",
        ["LEGACY_PASSWORD"] = "legacy-password",
    };

    private static string? ReadEnv(string name) => Env.GetValueOrDefault(name);

    private static IReadOnlyList<IntegrationOptions> LoadJson(string json, Func<string, string?>? env = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"conduit-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return IntegrationConfiguration.LoadFile(path, env ?? ReadEnv);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IntegrationConfigurationException LoadInvalid(string integrationJson) =>
        Assert.Throws<IntegrationConfigurationException>(() => LoadJson($$"""{ "integrations": [ {{integrationJson}} ] }"""));

    [Fact]
    public void LoadFile_ExampleConfig_LoadsEveryIntegrationWithItsSettings()
    {
        var list = IntegrationConfiguration.LoadFile(TestIntegrations.RepoFile("src/Conduit.Integrations/config.example.json"), ReadEnv);

        Assert.Equal(["github", "weather", "billing", "legacy", "status-page"], list.Select(static o => o.Name));
        var github = list[0];
        Assert.Equal(new Uri("https://api.github.com/"), github.BaseUrl);
        Assert.Equal(IntegrationAuthenticationType.Bearer, github.Authentication.Type);
        Assert.Equal("${ENV:GITHUB_TOKEN}", github.Authentication.Token);
        Assert.Equal(5000, github.RateLimit!.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromHours(1), github.RateLimit.Window);
        Assert.Equal(100, github.RateLimit.Burst);
        Assert.Equal(TimeSpan.FromSeconds(30), github.Timeout);
        Assert.Equal([408, 429, 500, 502, 503, 504], github.Retry.RetryableStatusCodes.Order());
        Assert.Equal("2022-11-28", github.DefaultHeaders["x-github-api-version"]);
        Assert.Equal("rate_limit", github.HealthCheck.Path);
        Assert.Equal(ApiKeyLocation.Header, list[1].Authentication.ApiKeyLocation);
        Assert.Equal(["invoices:read", "invoices:write"], list[2].Authentication.Scopes);
        Assert.Equal(TimeSpan.FromMilliseconds(500), list[2].Retry.InitialDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), list[2].TotalTimeout);
        Assert.False(list[3].VerifyTls);
        Assert.False(list[3].HealthCheck.Enabled);
        Assert.Equal(0, list[4].Retry.MaxRetries);
        Assert.Equal(("", "HEAD"), (list[4].HealthCheck.Path, list[4].HealthCheck.Method));
    }

    [Fact]
    public void LoadFile_MissingEnvironmentVariable_NamesIntegrationFieldAndVariable()
    {
        var ex = Assert.Throws<IntegrationConfigurationException>(() =>
            IntegrationConfiguration.LoadFile(TestIntegrations.RepoFile("src/Conduit.Integrations/config.example.json"), static n => n == "GITHUB_TOKEN" ? null : "x"));

        Assert.Equal(["Integration 'github': authentication.token references environment variable 'GITHUB_TOKEN', which is not set."], ex.Errors);
    }

    [Theory]
    [InlineData("""{ "name": "a" }""", "Integration 'a': baseUrl is required.")]
    [InlineData("""{ "name": "a", "baseUrl": "not a url" }""", "Integration 'a': baseUrl must be an absolute URL, but was 'not a url'.")]
    [InlineData("""{ "name": "a", "baseUrl": "ftp://x/" }""", "Integration 'a': baseUrl must be an absolute http or https URL, but was 'ftp://x/'.")]
    [InlineData("""{ "baseUrl": "http://x/" }""", "Integration (unnamed): name is required.")]
    [InlineData("""{ "name": "a b", "baseUrl": "http://x/" }""", "Integration 'a b': name may contain only letters, digits, '-', '_' and '.'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "colour": "red" }""", "Integration 'a': colour is not a known field.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "magic" } }""", "Integration 'a': authentication.type must be one of 'NONE', 'APIKEY', 'BEARER', 'BEARERTOKEN', 'BASIC', 'OAUTH2', 'MISTTOKEN', but was 'magic'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "bearer" } }""", "Integration 'a': authentication.token is required for authentication type 'Bearer'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "api_key" } }""", "Integration 'a': authentication.apiKey is required for authentication type 'ApiKey'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "apiKey", "apiKey": "k", "apiKeyLocation": "cookie" } }""", "Integration 'a': authentication.apiKeyLocation must be one of 'HEADER', 'QUERY', but was 'cookie'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "basic", "password": "p" } }""", "Integration 'a': authentication.username is required for authentication type 'Basic'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "oauth2", "clientId": "c", "clientSecret": "s" } }""", "Integration 'a': authentication.tokenUrl must be an absolute http or https URL for authentication type 'OAuth2'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "bearer", "token": "t", "tokn": "t" } }""", "Integration 'a': authentication.tokn is not a known field.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "authentication": { "type": "bearer", "token": "${ENV:}" } }""", "Integration 'a': authentication.token has a malformed environment reference '${ENV:}' (expected ${ENV:NAME}).")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "rateLimit": { "requestsPerWindow": 0 } }""", "Integration 'a': rateLimit.requestsPerWindow must be positive, but was 0.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "rateLimit": { "requestsPerWindow": "many" } }""", "Integration 'a': rateLimit.requestsPerWindow must be a whole number, but was 'many'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "rateLimit": { "window": "-1" } }""", "Integration 'a': rateLimit.window must be positive, but was -00:00:01.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "rateLimit": { "burst": -2 } }""", "Integration 'a': rateLimit.burst must be 0 (same as requestsPerWindow) or more, but was -2.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "rateLimit": { "maxRequests": 5 } }""", "Integration 'a': rateLimit.maxRequests is not a known field.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "maxRetries": -1 } }""", "Integration 'a': retry.maxRetries must be 0 or more, but was -1.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "initialDelay": "soon" } }""", "Integration 'a': retry.initialDelay must be a duration (seconds as a number, '500ms', '30s', '5m', '1h' or 'hh:mm:ss'), but was 'soon'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "initialDelay": "10s", "maxDelay": "1s" } }""", "Integration 'a': retry.maxDelay (00:00:01) must be at least retry.initialDelay (00:00:10).")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "exponentialBase": 0.5 } }""", "Integration 'a': retry.exponentialBase must be a finite number of 1 or more, but was 0.5.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "useJitter": "maybe" } }""", "Integration 'a': retry.useJitter must be true or false, but was 'maybe'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "retryableStatusCodes": [500, 700] } }""", "Integration 'a': retry.retryableStatusCodes contains 700, which is not an HTTP status code.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "retry": { "retryableStatusCodes": ["bad"] } }""", "Integration 'a': retry.retryableStatusCodes must be a list of whole numbers, but contains 'bad'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "timeout": 0 }""", "Integration 'a': timeout must be between 10 ms and 24 h (or infinite), but was 00:00:00.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "timeout": "2m", "totalTimeout": "1m" }""", "Integration 'a': timeout (00:02:00) must not exceed totalTimeout (00:01:00).")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "verifyTls": "yes" }""", "Integration 'a': verifyTls must be true or false, but was 'yes'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "defaultHeaders": { "Bad Header": "v" } }""", "Integration 'a': defaultHeaders contains an invalid header name 'Bad…'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "defaultHeaders": { "Authorization Bearer t0ken-9981": "v" } }""", "Integration 'a': defaultHeaders contains an invalid header name 'Authorization…'.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "healthCheck": { "timeout": 0 } }""", "Integration 'a': healthCheck.timeout must be between 10 ms and 24 h, but was 00:00:00.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/", "healthCheck": { "interval": 5 } }""", "Integration 'a': healthCheck.interval is not a known field.")]
    [InlineData("""{ "name": "a", "baseUrl": "http://x/" }, { "name": "A", "baseUrl": "http://y/" }""", "Integration 'A': name is defined more than once.")]
    public void LoadFile_InvalidField_ReportsIntegrationAndField(string integrationJson, string expected)
    {
        var ex = LoadInvalid(integrationJson);

        Assert.Equal([expected], ex.Errors);
    }

    [Fact]
    public void LoadFile_SeveralProblems_ReportsAllInOneException()
    {
        var ex = LoadInvalid("""{ "name": "a", "baseUrl": "x", "timeout": "never", "extra": 1 }, { "name": "b", "baseUrl": "http://b/", "retry": { "maxRetries": -3 } }""");

        Assert.Equal(
            [
                "Integration 'a': baseUrl must be an absolute URL, but was 'x'.",
                "Integration 'a': timeout must be a duration (seconds as a number, '500ms', '30s', '5m', '1h' or 'hh:mm:ss'), but was 'never'.",
                "Integration 'a': extra is not a known field.",
                "Integration 'b': retry.maxRetries must be 0 or more, but was -3.",
            ],
            ex.Errors);
        Assert.StartsWith("Integration configuration is invalid (4 problems):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_UnknownTopLevelFieldAndBadJson_AreErrors()
    {
        var unknown = Assert.Throws<IntegrationConfigurationException>(() => LoadJson("""{ "integrations": [], "integrationz": [] }"""));
        var broken = Assert.Throws<IntegrationConfigurationException>(() => LoadJson("""{ "integrations": [ { "name": """));
        var missing = Assert.Throws<IntegrationConfigurationException>(() => IntegrationConfiguration.LoadFile("/nonexistent/conduit.json"));

        Assert.Equal(["The configuration file has an unknown top-level field 'integrationz' (expected 'integrations')."], unknown.Errors);
        Assert.Contains("is not valid JSON", broken.Message, StringComparison.Ordinal);
        Assert.Equal("Integration configuration is invalid: The configuration file '/nonexistent/conduit.json' does not exist.", missing.Message);
    }

    [Fact]
    public void Load_SectionKeyedByName_TakesNamesFromKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conduit:Integrations:crm:BaseUrl"] = "https://crm.example.com/",
            ["Conduit:Integrations:crm:Authentication:Type"] = "ApiKey",
            ["Conduit:Integrations:crm:Authentication:ApiKey"] = "k",
            ["Conduit:Integrations:crm:Authentication:ApiKeyLocation"] = "query",
            ["Conduit:Integrations:erp:BaseUrl"] = "https://erp.example.com/",
        }).Build();

        var list = IntegrationConfiguration.Load(configuration.GetSection("Conduit:Integrations"));

        Assert.Equal(["crm", "erp"], list.Select(static o => o.Name));
        Assert.Equal(ApiKeyLocation.Query, list[0].Authentication.ApiKeyLocation);
    }

    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("0.25", 250)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:05", 5_000)]
    public void ParseDuration_SupportedForms_Parse(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ConfigurationSectionReader.ParseDuration(text));

    [Fact]
    public void Resolve_EmbeddedReferences_ReplacedFromEnvironment()
    {
        var value = SecretReference.Resolve("Token ${ENV:A}-${ENV:B}", static n => n == "A" ? "x" : "y", out var missing);

        Assert.Equal("Token x-y", value);
        Assert.Null(missing);
    }
}
