using System.Text;
using Conduit.Http.Redaction;

namespace Conduit.Http.Tests.Redaction;

/// <summary>Regressions for redaction bugs the fuzz suite found.</summary>
public sealed class SecretRedactorFuzzRegressionTests
{
    [Theory]
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })]
    public void RedactJson_InvalidUtf8InAString_FallsBackToTextRedaction(byte[] json)
    {
        var redacted = SecretRedactor.Default.RedactJson(json);

        Assert.Equal(SecretRedactor.Default.RedactText(Encoding.UTF8.GetString(json)), redacted);
    }

    [Fact]
    public void RedactJson_InvalidUtf8NextToASecretField_StillMasksIt()
    {
        var json = Encoding.UTF8.GetBytes("{\"password\":\"hunter22\",\"note\":\"x").Concat(new byte[] { 0xFF }).Concat("\"}"u8.ToArray()).ToArray();

        var redacted = SecretRedactor.Default.RedactJson(json);

        Assert.DoesNotContain("hunter22", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactJson_LoneSurrogateEscape_DoesNotThrow() =>
        Assert.DoesNotContain("hunter22", SecretRedactor.Default.RedactJson("{\"password\":\"hunter22\",\"n\":\"\\uD800\"}"u8), StringComparison.Ordinal);

    [Theory]
    [InlineData("abc+def123")]
    [InlineData("pässwört-42")]
    [InlineData("a<b>&'c\"d\\e")]
    public void RedactJson_RegisteredSecretTheWriterEscapes_IsMasked(string secret)
    {
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret(secret);
        var json = "{\"note\":" + System.Text.Json.JsonSerializer.Serialize("before " + secret + " after") + ",\"" + "k" + "\":[" + System.Text.Json.JsonSerializer.Serialize(secret) + "]}";

        var redacted = redactor.RedactJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal("{\"note\":\"before [REDACTED] after\",\"k\":[\"[REDACTED]\"]}", redacted);
    }

    [Theory]
    [InlineData("\"?5é+Q7XK2MPQ9Lz", "Vv b*@*>^Qq\"")]
    [InlineData("yz\",\"b\":\"Q7XK2MPQ9Lz§", "\"}")]
    public void RedactJson_RegisteredSecretStraddlingJsonSyntax_IsMasked(string secret, string after)
    {
        // Found by the fuzz suite: the secret's own quote opens the JSON string, so no decoded string value contains it, and
        // the writer escapes its 'é', '+' or '§', so the final text pass does not find it either.
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret(secret);
        var text = (secret.StartsWith('"') ? string.Empty : "{\"a\":\"x") + secret + after;

        var redacted = redactor.RedactJson(Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain("Q7XK2MPQ9Lz", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactJson_OtherValues_AreWrittenAsTheyCame() =>
        Assert.Equal("{\"a\":\"x+y é\",\"token\":\"[REDACTED]\",\"n\":1.50}", SecretRedactor.Default.RedactJson("{\"a\":\"x+y é\",\"token\":\"t0ps3cret\",\"n\":1.50}"u8));

    [Fact]
    public void RedactJson_RegisteredSecretThatIsANumber_StillMasksSensitiveFieldsWhole()
    {
        // Review finding: masking the bare number first broke the document, and the text fallback masked only the first
        // word of a sensitive value and none of a sensitive object.
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret("12345678");

        var redacted = redactor.RedactJson("{\"id\":12345678,\"password\":\"correct horse battery\",\"credentials\":{\"user\":\"bob-the-admin\"}}"u8);

        Assert.Equal("{\"id\":[REDACTED],\"password\":\"[REDACTED]\",\"credentials\":\"[REDACTED]\"}", redacted);
    }

    [Theory]
    [InlineData("{\"description\": \"login with password=hunter22 failed\", \"x\":", "{\"description\": \"login with password=[REDACTED] failed\", \"x\":")]
    [InlineData("\"msg\": \"oops token=abc123xyz password=hunter22", "\"msg\": \"oops token=[REDACTED] password=[REDACTED]")]
    [InlineData("{\"password\": \"[REDACTED]XYZsecondhalf\"}", "{\"password\": \"[REDACTED]\"}")]
    [InlineData("{\"password\": \"ab\\\ncdef\"}", "{\"password\": \"[REDACTED]\"}")]
    [InlineData("{\"password\": \"[REDACTED]\"}", "{\"password\": \"[REDACTED]\"}")]
    public void RedactText_PairsInsideOtherValuesAndOddValues_AreMasked(string text, string expected) =>
        // Review findings: a quoted value under a harmless name hid the pairs inside it; a value that began with the mask,
        // or held an escaped line break, kept its rest.
        Assert.Equal(expected, SecretRedactor.Default.RedactText(text));

    [Fact]
    public void RedactJson_RegisteredSecretInsideASensitiveName_StillMasksItsValue()
    {
        // Review finding: masking the raw text first renamed "password" to "pass[REDACTED]", which is not sensitive.
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret("word");

        Assert.DoesNotContain("hunter22", redactor.RedactJson("{\"password\":\"hunter22\"}"u8), StringComparison.Ordinal);
    }

    [Fact]
    public void RedactJson_DocumentDeeperThan64Levels_IsStillReadAsJson()
    {
        // Review finding: the reader's default depth (64) sent such documents to the text fallback, which cannot mask a
        // sensitive array whole and broke the document.
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 80)) + "{\"secret\":[\"s1-hidden\",\"s2-hidden\"]}" + new string('}', 80);

        var redacted = SecretRedactor.Default.RedactJson(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.DoesNotContain("hidden", redacted, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(redacted, new System.Text.Json.JsonDocumentOptions { MaxDepth = 200 });
    }

    [Theory]
    [InlineData("{\"password\": \"correct horse battery\", \"note\": \"x", "{\"password\": \"[REDACTED]\", \"note\": \"x")]
    [InlineData("{\"password\": \"correct \\\"horse\\\" battery\"}", "{\"password\": \"[REDACTED]\"}")]
    [InlineData("{\"password\": \"correct horse battery", "{\"password\": \"[REDACTED]")]
    public void RedactText_QuotedSensitiveValueWithSpaces_IsMaskedWhole(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Default.RedactText(text));

    [Theory]
    [InlineData("proxy https://user:S3cretPw@proxy.local:3128 refused", "proxy https://user:[REDACTED]@proxy.local:3128 refused")]
    [InlineData("GET http://:S3cretPw@h/x failed", "GET http://:[REDACTED]@h/x failed")]
    [InlineData("socks5://bob:S3cret%40Pw@10.0.0.1", "socks5://bob:[REDACTED]@10.0.0.1")]
    public void RedactText_UrlUserInfoPassword_IsMasked(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Default.RedactText(text));

    [Theory]
    [InlineData("see https://example.com/a:b@c for more")]
    [InlineData("mail bob@example.com at 10:30")]
    [InlineData("https://user@host/path")]
    public void RedactText_TextWithoutUserInfoPassword_IsUnchanged(string text) =>
        Assert.Equal(text, SecretRedactor.Default.RedactText(text));

    [Fact]
    public void Constructor_NullOrBlankNames_AreSkipped()
    {
        var options = new RedactionOptions();
        options.SensitiveExactNames.Add(null!);
        options.SensitiveNameFragments.Add(null!);
        options.SensitiveNameFragments.Add(" ");

        var redactor = new SecretRedactor(options);

        Assert.True(redactor.IsSensitiveName("password"));
        Assert.False(redactor.IsSensitiveName("color"));
    }
}
