using Conduit.Mist.Credentials;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Credentials;

public sealed class MistCredentialsTests
{
    [Fact]
    public void ToString_Secrets_AreHidden()
    {
        var credentials = new MistCredentials
        {
            Host = "api.mist.com",
            ApiTokens = ["token-secret-1", "token-secret-2"],
            User = "ada@example.com",
            Password = "password-secret",
            Proxy = new Uri("http://proxyuser:proxy-secret@proxy.local:3128"),
        };

        var text = credentials.ToString();

        Assert.Equal("MistCredentials { Host = api.mist.com, ApiTokens = [2 hidden], User = ada@example.com, Password = ***, Proxy = http://***@proxy.local:3128/ }", text);
    }

    [Fact]
    public void WithDefaults_MissingSettings_GetSeedDefaults()
    {
        var credentials = new MistCredentials { MaxRetries = 9 }.WithDefaults();

        Assert.Equal(TimeSpan.FromSeconds(30), credentials.Timeout);
        Assert.Equal(9, credentials.MaxRetries);
        Assert.Equal(1.0, credentials.BackoffFactor);
        Assert.Equal(10, credentials.RateLimitThreshold);
        Assert.Equal(LogLevel.Information, credentials.ConsoleLogLevel);
        Assert.Equal(LogLevel.Debug, credentials.FileLogLevel);
        Assert.Null(credentials.Host);
    }

    [Fact]
    public void ToProxyOptions_UserInfo_IsSplitAndDecoded()
    {
        var options = new MistCredentials { Proxy = new Uri("http://us%40er:p%3Ass@proxy.local:3128") }.ToProxyOptions();

        Assert.Equal(new Uri("http://proxy.local:3128/"), options.Address);
        Assert.Equal("us@er", options.UserName);
        Assert.Equal("p:ss", options.Password);
    }

    [Fact]
    public void CanAuthenticate_TokenOrUserAndPassword()
    {
        Assert.True(new MistCredentials { ApiTokens = ["t"] }.CanAuthenticate);
        Assert.True(new MistCredentials { User = "u", Password = "p" }.CanAuthenticate);
        Assert.False(new MistCredentials { User = "u" }.CanAuthenticate);
        Assert.Equal("t", new MistCredentials { ApiTokens = ["t", "u"] }.ApiToken);
    }
}
