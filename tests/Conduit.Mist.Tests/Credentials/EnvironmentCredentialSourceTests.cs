using Conduit.Mist.Credentials;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Credentials;

public sealed class EnvironmentCredentialSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OrgId = "203d3d02-0000-4000-8000-76896a3330f4";

    private static MistCredentialReading ReadAll(Dictionary<string, string> variables) =>
        new EnvironmentCredentialSource(variables.GetValueOrDefault).Read(MistCredentialRequest.AllFields, Ct);

    [Fact]
    public void Read_EveryVariable_ParsesEachField()
    {
        var reading = ReadAll(new()
        {
            ["MIST_HOST"] = "api.eu.mist.com",
            ["MIST_APITOKEN"] = " token-one , token-two,token-one ",
            ["MIST_USER"] = "ada@example.com",
            ["MIST_PASSWORD"] = "pa ss",
            ["MIST_ORG_ID"] = OrgId.ToUpperInvariant(),
            ["MIST_TIMEOUT"] = "12.5",
            ["MIST_MAX_RETRIES"] = "5",
            ["MIST_BACKOFF_FACTOR"] = "2",
            ["MIST_RATE_LIMIT_THRESHOLD"] = "25",
            ["HTTPS_PROXY"] = "http://user:p%40ss@proxy.local:3128",
            ["CONSOLE_LOG_LEVEL"] = "30",
            ["LOGGING_LOG_LEVEL"] = "debug",
        });

        var c = reading.Credentials;
        Assert.Equal("api.eu.mist.com", c.Host);
        Assert.Equal(new Uri("https://api.eu.mist.com/"), c.BaseUrl);
        Assert.Equal(["token-one", "token-two"], c.ApiTokens);
        Assert.Equal("ada@example.com", c.User);
        Assert.Equal("pa ss", c.Password);
        Assert.Equal(OrgId, c.OrgId);
        Assert.Equal(TimeSpan.FromSeconds(12.5), c.Timeout);
        Assert.Equal(5, c.MaxRetries);
        Assert.Equal(2.0, c.BackoffFactor);
        Assert.Equal(25, c.RateLimitThreshold);
        Assert.Equal("proxy.local", c.Proxy!.Host);
        Assert.Equal(LogLevel.Warning, c.ConsoleLogLevel);
        Assert.Equal(LogLevel.Debug, c.FileLogLevel);
        Assert.Equal(MistCredentialFields.All, c.PresentFields);
        Assert.Equal("MIST_APITOKEN", reading.KeyOf(MistCredentialFields.ApiTokens));
        Assert.Equal("HTTPS_PROXY", reading.KeyOf(MistCredentialFields.Proxy));
    }

    [Fact]
    public void Read_SeedOneNames_AreAliases()
    {
        var reading = ReadAll(new() { ["MIST_API_TOKEN"] = "seed-one-token", ["MIST_BASE_URL"] = "https://api.mist.com/api/v1" });

        Assert.Equal(["seed-one-token"], reading.Credentials.ApiTokens);
        Assert.Equal("MIST_API_TOKEN", reading.KeyOf(MistCredentialFields.ApiTokens));
        Assert.Equal(new Uri("https://api.mist.com/api/v1"), reading.Credentials.BaseUrl);
        Assert.Equal("api.mist.com", reading.Credentials.Host is { } host ? new Uri(host).Host : null);
        Assert.Equal("MIST_BASE_URL", reading.KeyOf(MistCredentialFields.Host));
    }

    [Fact]
    public void Read_BothNamesSet_PrefersSeedTwoName()
    {
        var reading = ReadAll(new() { ["MIST_APITOKEN"] = "preferred", ["MIST_API_TOKEN"] = "alias" });

        Assert.Equal(["preferred"], reading.Credentials.ApiTokens);
    }

    [Fact]
    public void Read_EmptyOrBlankVariables_CountAsUnset()
    {
        var reading = ReadAll(new() { ["MIST_APITOKEN"] = "", ["MIST_API_TOKEN"] = "real", ["MIST_USER"] = "   " });

        Assert.Equal(["real"], reading.Credentials.ApiTokens);
        Assert.Null(reading.Credentials.User);
    }

    [Fact]
    public void Read_OnlyRequestedFields_AreLookedUp()
    {
        var asked = new List<string>();
        var source = new EnvironmentCredentialSource(name => { asked.Add(name); return "x"; });

        source.Read(new MistCredentialRequest(MistCredentialFields.User, MistCredentialFields.None), Ct);

        Assert.Equal(["MIST_USER"], asked);
    }

    [Fact]
    public void Read_TimeoutNotANumber_NamesSourceAndKey()
    {
        var ex = Assert.Throws<MistCredentialException>(() => ReadAll(new() { ["MIST_TIMEOUT"] = "abc" }));

        Assert.Equal("MIST_TIMEOUT in environment is not a number: 'abc'.", ex.Message);
        Assert.Equal("environment", ex.CredentialSource);
        Assert.Equal("MIST_TIMEOUT", ex.Key);
    }

    [Theory]
    [InlineData("MIST_TIMEOUT", "0", "MIST_TIMEOUT in environment must be more than 0 and at most 86400 seconds: '0'.")]
    [InlineData("MIST_MAX_RETRIES", "1.5", "MIST_MAX_RETRIES in environment is not a whole number: '1.5'.")]
    [InlineData("MIST_MAX_RETRIES", "-1", "MIST_MAX_RETRIES in environment must not be negative: '-1'.")]
    [InlineData("MIST_BACKOFF_FACTOR", "fast", "MIST_BACKOFF_FACTOR in environment is not a number: 'fast'.")]
    [InlineData("MIST_RATE_LIMIT_THRESHOLD", "ten", "MIST_RATE_LIMIT_THRESHOLD in environment is not a whole number: 'ten'.")]
    [InlineData("MIST_ORG_ID", "my-org", "MIST_ORG_ID in environment is not an organisation id (a UUID such as 203d3d02-0000-4000-8000-76896a3330f4): 'my-org'.")]
    [InlineData("MIST_HOST", "api.mist.com/path", "MIST_HOST in environment is not a host name or an http(s) URL: 'api.mist.com/path'.")]
    [InlineData("MIST_HOST", "ftp://api.mist.com", "MIST_HOST in environment is not a host name or an http(s) URL: 'ftp://api.mist.com'.")]
    [InlineData("CONSOLE_LOG_LEVEL", "99", "CONSOLE_LOG_LEVEL in environment is not a log level between 0 (off) and 50 (critical): '99'.")]
    [InlineData("LOGGING_LOG_LEVEL", "loud", "LOGGING_LOG_LEVEL in environment is not a log level (0, 10, 20, 30, 40, 50 or a name such as INFO): 'loud'.")]
    public void Read_MalformedValue_ThrowsOneClearError(string key, string value, string message)
    {
        var ex = Assert.Throws<MistCredentialException>(() => ReadAll(new() { [key] = value }));

        Assert.Equal(message, ex.Message);
        Assert.Equal(key, ex.Key);
    }

    [Theory]
    [InlineData("MIST_APITOKEN", "good,bad token", "MIST_APITOKEN in environment has whitespace inside API token 2 (value hidden).")]
    [InlineData("MIST_APITOKEN", " , ,", "MIST_APITOKEN in environment contains no API token, only commas (value hidden).")]
    [InlineData("HTTPS_PROXY", "ftp://secret-user:secret-pass@proxy", "HTTPS_PROXY in environment is not a proxy URL such as http://proxy.example.com:3128 (value hidden).")]
    public void Read_MalformedSecret_HidesTheValue(string key, string value, string message)
    {
        var ex = Assert.Throws<MistCredentialException>(() => ReadAll(new() { [key] = value }));

        Assert.Equal(message, ex.Message);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bad token", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", LogLevel.None)]
    [InlineData("10", LogLevel.Debug)]
    [InlineData("15", LogLevel.Information)]
    [InlineData("20", LogLevel.Information)]
    [InlineData("30", LogLevel.Warning)]
    [InlineData("40", LogLevel.Error)]
    [InlineData("50", LogLevel.Critical)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("off", LogLevel.None)]
    [InlineData("Trace", LogLevel.Trace)]
    public void Read_LogLevel_MapsSeedScaleOntoLogLevel(string value, LogLevel expected)
    {
        var reading = ReadAll(new() { ["CONSOLE_LOG_LEVEL"] = value, ["LOGGING_LOG_LEVEL"] = value });

        Assert.Equal(expected, reading.Credentials.ConsoleLogLevel);
        Assert.Equal(expected, reading.Credentials.FileLogLevel);
    }

    [Theory]
    [InlineData("api.mist.com", "https://api.mist.com/")]
    [InlineData("api.gc1.mist.com:8443", "https://api.gc1.mist.com:8443/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("https://api.mist.com/api/v1", "https://api.mist.com/api/v1")]
    public void Read_Host_AcceptsHostNamesAndUrls(string value, string expected)
    {
        Assert.Equal(new Uri(expected), ReadAll(new() { ["MIST_HOST"] = value }).Credentials.BaseUrl);
    }

    [Fact]
    public void Read_ProxyWithoutScheme_DefaultsToHttp()
    {
        var proxy = ReadAll(new() { ["https_proxy"] = "proxy.local:3128" }).Credentials.Proxy;

        Assert.Equal(new Uri("http://proxy.local:3128"), proxy);
    }

    [Fact]
    public async Task ReadAsync_SameAsRead()
    {
        var source = new EnvironmentCredentialSource(new Dictionary<string, string> { ["MIST_USER"] = "ada" }.GetValueOrDefault);

        var reading = await source.ReadAsync(MistCredentialRequest.AllFields, Ct);

        Assert.Equal("ada", reading.Credentials.User);
    }
}
