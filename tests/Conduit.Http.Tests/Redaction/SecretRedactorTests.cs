using Conduit.Http.Redaction;

namespace Conduit.Http.Tests.Redaction;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-API-Key")]
    [InlineData("api_key")]
    [InlineData("apiKey")]
    [InlineData("X-CSRFToken")]
    [InlineData("Cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("password")]
    [InlineData("client_secret")]
    [InlineData("psk")]
    [InlineData("passphrase")]
    [InlineData("access_token")]
    [InlineData("key")]
    public void IsSensitiveName_SecretNames_AreSensitive(string name) => Assert.True(_redactor.IsSensitiveName(name));

    [Theory]
    [InlineData("name")]
    [InlineData("site_id")]
    [InlineData("keyboard")]
    [InlineData("snapshot_policy")]
    [InlineData("status")]
    public void IsSensitiveName_OrdinaryNames_AreNot(string name) => Assert.False(_redactor.IsSensitiveName(name));

    [Fact]
    public void RedactJson_NestedSecrets_AreMaskedAndStructureKept()
    {
        var json = """{"name":"lab","wlan":{"ssid":"corp","psk":"hunter22","auth":{"type":"psk"}},"tokens":["a1b2c3d4"],"count":3}"""u8;

        var redacted = _redactor.RedactJson(json);

        Assert.Equal("""{"name":"lab","wlan":{"ssid":"corp","psk":"[REDACTED]","auth":"[REDACTED]"},"tokens":"[REDACTED]","count":3}""", redacted);
    }

    [Fact]
    public void RedactUri_SensitiveQueryValuesAndUserInfo_AreMasked()
    {
        var uri = new Uri("https://user:pw@api.example.com/v1/items?limit=10&api_key=abc123&token=t0k3n");

        var redacted = _redactor.RedactUri(uri)!.ToString();

        Assert.Equal("https://api.example.com/v1/items?limit=10&api_key=[REDACTED]&token=[REDACTED]", redacted);
    }

    [Fact]
    public void RedactText_RegisteredSecretAndSchemes_AreMasked()
    {
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret("sup3r-s3cret-value");

        var text = redactor.RedactText("failed with sup3r-s3cret-value; header Bearer eyJhbGciOi.abc; password=letmein; \"apitoken\": \"zzz999\"");

        Assert.DoesNotContain("sup3r-s3cret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJhbGciOi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("letmein", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zzz999", text, StringComparison.Ordinal);
        Assert.Contains("failed with [REDACTED]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactText_ProseAboutASecretField_StaysReadable()
    {
        Assert.Equal("password: must contain a digit", _redactor.RedactText("password: must contain a digit"));
    }

    [Fact]
    public void RedactText_CookieHeaderValue_MasksEachSensitivePair()
    {
        Assert.Equal("sessionid=[REDACTED]; csrftoken=[REDACTED]; theme=dark", _redactor.RedactText("sessionid=abc123; csrftoken=def456; theme=dark"));
    }

    [Fact]
    public void RedactJson_NotJson_FallsBackToTextRedaction()
    {
        var redacted = _redactor.RedactJson("password=abc&user=bob"u8);

        Assert.Equal("password=[REDACTED]&user=bob", redacted);
    }

    [Fact]
    public void RedactHeader_SensitiveHeader_IsMaskedWhole()
    {
        Assert.Equal("[REDACTED]", _redactor.RedactHeader("Authorization", "Token abc"));
        Assert.Equal("application/json", _redactor.RedactHeader("Accept", "application/json"));
    }
}
