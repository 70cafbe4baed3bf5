using Conduit.Integrations.Configuration;

namespace Conduit.Integrations.Tests.Configuration;

public sealed class DurationRangeTests
{
    [Theory]
    [InlineData("1e10h")]
    [InlineData("9e15ms")]
    [InlineData("-1e10h")]
    [InlineData("1e300m")]
    [InlineData("1e12")]
    [InlineData("922337203685.4775s")]
    [InlineData("NaNs")]
    [InlineData("Infinityh")]
    public void ParseDuration_PastTimeSpanRange_IsNullNotAnOverflow(string text) =>
        Assert.Null(ConfigurationSectionReader.ParseDuration(text));

    [Theory]
    [InlineData("2562047h", 2562047.0 * 3600)]
    [InlineData("1e3ms", 1)]
    [InlineData("1.5m", 90)]
    public void ParseDuration_LargeButRepresentable_Parses(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ConfigurationSectionReader.ParseDuration(text));

    [Theory]
    [InlineData("timeout", "1e10h")]
    [InlineData("totalTimeout", "9e15ms")]
    public void LoadFile_DurationPastTimeSpan_IsAConfigurationErrorNamingTheKey(string key, string value)
    {
        var path = Path.Combine(Path.GetTempPath(), $"conduit-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "integrations": [ { "name": "a", "baseUrl": "http://x/", "{{key}}": "{{value}}" } ] }""");
        try
        {
            var ex = Assert.Throws<IntegrationConfigurationException>(() => IntegrationConfiguration.LoadFile(path, static _ => null));

            Assert.Equal(
                [$"Integration 'a': {key} must be a duration (seconds as a number, '500ms', '30s', '5m', '1h' or 'hh:mm:ss'), but was '{value}'."],
                ex.Errors);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_RetryDelayPastTimeSpan_IsAConfigurationErrorNamingTheNestedKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conduit-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "integrations": [ { "name": "a", "baseUrl": "http://x/", "retry": { "maxDelay": "1e10h" } } ] }""");
        try
        {
            var ex = Assert.Throws<IntegrationConfigurationException>(() => IntegrationConfiguration.LoadFile(path, static _ => null));

            Assert.Contains(ex.Errors, static e => e.StartsWith("Integration 'a': retry.maxDelay must be a duration", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
