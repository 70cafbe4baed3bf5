using Conduit.Mist.Sessions;
using Conduit.Mist.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Conduit.Mist.Tests.Sessions;

public sealed class MistOptionsEnumValidationTests
{
    [Theory]
    [InlineData("Mode", "7")]
    [InlineData("Mode", "-1")]
    [InlineData("WhenTokensExhausted", "2")]
    public void Validate_UndefinedEnumNumberFromConfiguration_NamesTheOption(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ApiToken"] = "t", [key] = value })
            .Build();
        var options = new MistSessionOptions();
        configuration.Bind(options);

        var error = Assert.Single(options.Validate());

        Assert.StartsWith(key + " is not a known", error, StringComparison.Ordinal);
        Assert.Contains($"(was {value};", error, StringComparison.Ordinal);
        var thrown = Assert.Throws<OptionsValidationException>(() => MistSessionOptionsValidation.ThrowIfInvalid(options));
        Assert.Equal([error], thrown.Failures);
    }

    [Fact]
    public void Validate_BothEnumsUndefined_ReportsBoth()
    {
        var errors = new MistSessionOptions { ApiToken = "t", Mode = (MistAuthenticationMode)7, WhenTokensExhausted = (MistTokenExhaustion)2 }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, static e => e.StartsWith("Mode is not a known authentication mode (was 7; expected one of Auto, ApiToken, Login, Basic)", StringComparison.Ordinal));
        Assert.Contains(errors, static e => e.StartsWith("WhenTokensExhausted is not a known choice (was 2; expected one of Wait, Throw)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MistAuthenticationMode.Auto, MistTokenExhaustion.Wait)]
    [InlineData(MistAuthenticationMode.ApiToken, MistTokenExhaustion.Throw)]
    public void Validate_DefinedEnums_AreValid(MistAuthenticationMode mode, MistTokenExhaustion exhaustion) =>
        Assert.Empty(new MistSessionOptions { ApiToken = "t", Mode = mode, WhenTokensExhausted = exhaustion }.Validate());

    [Fact]
    public void StreamValidate_UndefinedOverflowPolicy_NamesTheOption()
    {
        var options = new MistStreamOptions
        {
            Url = new Uri("wss://api-ws.mist.com/api-ws/v1/stream"),
            Credentials = MistStreamCredentials.Token("t"),
            OverflowPolicy = (MistStreamOverflowPolicy)42,
        };

        var error = Assert.Single(MistStreamOptionsValidation.Errors(options));

        Assert.StartsWith("OverflowPolicy is not a known policy (was 42)", error, StringComparison.Ordinal);
    }
}
