using Conduit.Mist.Logging;
using Conduit.Mist.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Logging;

public sealed class MistLogSanitizerTests
{
    [Fact]
    public void Sanitize_MistPayload_MasksEverySecretField()
    {
        const string Payload = """
            {"user": "john", "apitoken": "secret123", "password": "pass456",
             "wlan": {"ssid": "corp", "auth": {"type": "psk", "psk": "wifi-psk-1"}, "passphrase": "pp-2",
                      "auth_servers": [{"host": "10.0.0.1", "secret": "radius-3"}]},
             "key": "k-4", "private_key": "pk-5", "oauth_client_secret": "oc-6", "X-CSRFToken": "csrf-7", "Cookie": "sessionid=s-8"}
            """;

        var text = MistLogSanitizer.Default.Sanitize(Payload);

        foreach (var secret in new[] { "secret123", "pass456", "wifi-psk-1", "pp-2", "radius-3", "k-4", "pk-5", "oc-6", "csrf-7", "s-8" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("\"user\":\"john\"", text, StringComparison.Ordinal);
        Assert.Contains("corp", text, StringComparison.Ordinal);
        Assert.Contains("10.0.0.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_FreeTextAndHeaders_MasksCredentials()
    {
        var sanitizer = new MistLogSanitizer();
        sanitizer.AddSecret("literal-secret-99");

        Assert.Equal("Authorization: Token [REDACTED]", sanitizer.Sanitize("Authorization: Token abcdef123456"));
        Assert.DoesNotContain("x9", sanitizer.Sanitize("url?apitoken=x9x9x9&page=2"), StringComparison.Ordinal);
        Assert.Equal("saw [REDACTED] here", sanitizer.Sanitize("saw literal-secret-99 here"));
        Assert.Equal("[REDACTED]", sanitizer.SanitizeHeader("X-CSRFToken", "abc"));
        Assert.Equal("[REDACTED]", sanitizer.SanitizeHeader("Cookie", "csrftoken=abc"));
        Assert.Equal("application/json", sanitizer.SanitizeHeader("Content-Type", "application/json"));
    }

    [Fact]
    public void SanitizingLoggerFactory_StructuredValuesAndExceptions_ReachProvidersMasked()
    {
        var capture = new CapturingLoggerFactory();
        using var factory = new SanitizingLoggerFactory(capture);
        var logger = factory.CreateLogger("test");

        logger.LogInformation("Body {Body} for {User} with {Password}", "{\"psk\":\"wifi-1\"}", "john", "hunter22");
        logger.LogError(new InvalidOperationException("failed with apitoken=tok-777"), "Call failed");

        capture.AssertNoSecret("wifi-1", "hunter22", "tok-777");
        Assert.Contains(capture.Lines, l => l.Contains("john", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Contains("InvalidOperationException", StringComparison.Ordinal));
    }
}
