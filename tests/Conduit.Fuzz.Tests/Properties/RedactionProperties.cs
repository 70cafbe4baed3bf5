using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Fuzz.Tests.Infrastructure;
using Conduit.Http.Redaction;
using Conduit.Mist.Logging;
using CsCheck;

namespace Conduit.Fuzz.Tests.Properties;

public sealed class RedactionProperties(FuzzReport report)
{
    private const string Subject = "Http/Redaction/SecretRedactor.cs, RedactionOptions.cs; Mist/Logging/MistLogSanitizer.cs";
    private const string TokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=";

    private static readonly MistLogSanitizer Mist = new();

    // RedactJson re-escapes strings before masking registered secrets, so a secret with a character the JSON writer escapes
    // ('+', non-ASCII…) survives in escaped form (see the known-bug test); while it does, only RedactText is checked for those.
    private static readonly bool EscapedSecretBugPresent = KnownBug.IsPresent(EscapedRegisteredSecretIsMasked);

    // Invalid UTF-8 inside a JSON string makes RedactJson throw (see the known-bug test); while it does, such bytes are left out.
    private static readonly bool InvalidUtf8BugPresent = KnownBug.IsPresent(InvalidUtf8InAJsonStringIsRedactedNotThrown);

    /// <summary>
    /// A secret: any text around a random alphanumeric core. The core is unique enough never to occur by chance, so finding
    /// it in the output means some of the secret leaked even when the rest was masked.
    /// </summary>
    private static readonly Gen<Secret> AnySecret = Gen.Select(FuzzGen.Text(0, 8), Core(), FuzzGen.Text(0, 8))
        .Select(static (a, core, b) => new Secret(a + core + b, core));

    /// <summary>A secret in the shape of a token or key (what credentials after Bearer/Token/Basic look like).</summary>
    private static readonly Gen<Secret> TokenSecret = Gen.Select(Gen.String[Gen.Char[TokenChars], 0, 12], Core(), Gen.String[Gen.Char[TokenChars], 0, 12])
        .Select(static (a, core, b) => new Secret(a + core + b, core));

    private static readonly Gen<string> SensitiveHeader = Casing(Gen.OneOf(
        "Authorization", "Proxy-Authorization", "X-API-Key", "X-Auth-Token", "Cookie", "Set-Cookie", "X-CSRFToken", "X-Access-Token", "api_key",
        "Private-Key", "X-Session-Id", "X-Amz-Security-Token", "X-Client-Secret", "X-Vault-Token", "X-Signature", "X-Twofactor-Code"));

    private static readonly Gen<string> SensitiveField = Casing(Gen.OneOf(
        "password", "passwd", "client_secret", "access_token", "refresh_token", "apitoken", "api_key", "apiKey", "psk", "passphrase", "private-key",
        "secret", "token", "key", "code", "otp", "pin", "sig", "session", "sessionid", "credential", "credentials", "authorization", "csrftoken",
        "X-Auth-Token", "two_factor", "signature", "cookie"));

    // Names that are secret only with the Mist list on top of the core's.
    private static readonly Gen<string> MistField = Casing(Gen.OneOf("sharedkey", "pre_shared_key", "wpa_key", "ssh_key", "keytab", "radius_key", "keys", "pass", "pwd", "totp", "oauth_token"));

    private static readonly Gen<string> PlainName = Gen.OneOf("name", "id", "site_id", "ssid", "vlan", "enabled", "count", "description", "user", "email", "note", "items");

    [Fact]
    public void RedactHeader_SecretUnderASensitiveName_NeverSurvives()
    {
        Property.Check(report, "Redaction: secret as a sensitive header's value", Subject, FuzzCases.Builder,
            Gen.Select(SensitiveHeader, AnySecret, Gen.OneOf(string.Empty, "Bearer ", "Token ", "Basic ", "session=", "k=v; sid=")),
            static input =>
            {
                var (name, secret, prefix) = input;
                secret.AssertAbsent(SecretRedactor.Default.RedactHeader(name, prefix + secret.Value));
                secret.AssertAbsent(Mist.SanitizeHeader(name, prefix + secret.Value));
            },
            static input => $"{input.Item1}: {FuzzGen.Show(input.Item3 + input.Item2.Value)}");
    }

    [Fact]
    public void RedactHeader_SchemeCredentialUnderAnyName_NeverSurvives()
    {
        Property.Check(report, "Redaction: Bearer/Token/Basic credential in any header", Subject, FuzzCases.Builder,
            Gen.Select(Gen.OneOf(PlainName, SensitiveHeader), TokenSecret, Gen.OneOf("Bearer ", "bearer  ", "Token ", "Basic ", "BASIC\t")),
            static input =>
            {
                var (name, secret, scheme) = input;
                secret.AssertAbsent(SecretRedactor.Default.RedactHeader(name, scheme + secret.Value));
            },
            static input => $"{input.Item1}: {input.Item3}{input.Item2.Value}");
    }

    [Fact]
    public void RedactUri_SecretQueryValueOrUserInfo_NeverSurvives()
    {
        var otherPairs = Gen.Select(PlainName, FuzzGen.Text(0, 6)).Array[0, 3];
        Property.Check(report, "Redaction: secret as a sensitive query value or URL user info", Subject, FuzzCases.Builder,
            Gen.Select(SensitiveField, AnySecret, otherPairs, otherPairs, Gen.Bool),
            static input =>
            {
                var (name, secret, before, after, inUserInfo) = input;
                var pairs = before.Select(p => (p.Item1, p.Item2)).Append((name, secret.Value)).Concat(after.Select(p => (p.Item1, p.Item2)));
                var query = string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
                var uri = inUserInfo
                    ? new Uri($"https://user:{Uri.EscapeDataString(secret.Value)}@api.example.com/v1/items?{string.Join('&', before.Select(p => p.Item1 + "=x"))}")
                    : new Uri("https://api.example.com/v1/items?" + query);

                foreach (var redactor in new[] { SecretRedactor.Default, Mist.Redactor })
                {
                    var redacted = redactor.RedactUri(uri)!;
                    secret.AssertAbsent(redacted.OriginalString, Uri.EscapeDataString(secret.Value));
                    secret.AssertAbsent(redacted.AbsoluteUri, Uri.EscapeDataString(secret.Value));
                    Assert.Equal(string.Empty, redacted.UserInfo);
                }
            },
            static input => $"{input.Item1}={FuzzGen.Show(input.Item2.Value)} userinfo={input.Item5}");
    }

    [Fact]
    public void RedactJson_SecretFieldAtAnyDepth_NeverSurvives()
    {
        var value = Gen.Frequency(
            (4, AnySecret.Select(static s => (s, (JsonNode?)JsonValue.Create(s.Value)))),
            (1, Core().Select(static c => (new Secret(c, c), (JsonNode?)JsonValue.Create(c)))),
            (1, AnySecret.Select(static s => (s, (JsonNode?)new JsonObject { ["value"] = s.Value, ["n"] = 1 }))),
            (1, AnySecret.Select(static s => (s, (JsonNode?)new JsonArray("x", s.Value)))));
        var noise = FuzzGen.Json(1, PlainName);
        var path = Gen.Select(PlainName, Gen.Bool, Gen.Int[0, 3]).Array[0, 6];
        Property.Check(report, "Redaction: secret under a sensitive JSON field at any depth (core and Mist names)", Subject, FuzzCases.Builder,
            Gen.Select(Gen.OneOf(SensitiveField, MistField), value, path, noise),
            static input =>
            {
                var (name, (secret, node), levels, filler) = input;
                JsonNode? document = new JsonObject { ["before"] = filler?.DeepClone(), [name] = node, ["after"] = filler?.DeepClone() };
                foreach (var (key, inArray, position) in levels)
                {
                    document = inArray
                        ? new JsonArray([.. Enumerable.Range(0, position).Select(i => (JsonNode?)JsonValue.Create(i)), document, filler?.DeepClone()])
                        : new JsonObject { [key + "_" + position] = document, ["other"] = filler?.DeepClone() };
                }

                var text = document!.ToJsonString();
                var sanitized = Mist.Sanitize(text);
                secret.AssertAbsent(sanitized);
                secret.AssertAbsentFromJsonValues(sanitized);
                if (!MistOnly(name))
                {
                    secret.AssertAbsent(SecretRedactor.Default.RedactJson(Encoding.UTF8.GetBytes(text)));
                }
            },
            static input => $"{input.Item1} = {input.Item2.Item2?.ToJsonString()} under {input.Item3.Length} level(s)");
    }

    [Fact]
    public void RedactText_SecretInAFormBody_NeverSurvives()
    {
        var otherPairs = Gen.Select(PlainName, FuzzGen.Text(0, 8)).Array[0, 4];
        Property.Check(report, "Redaction: secret in a form-urlencoded body", Subject, FuzzCases.Builder,
            Gen.Select(SensitiveField, AnySecret, otherPairs, otherPairs),
            static input =>
            {
                var (name, secret, before, after) = input;
                var pairs = before.Select(p => KeyValuePair.Create(p.Item1, p.Item2)).Append(KeyValuePair.Create(name, secret.Value)).Concat(after.Select(p => KeyValuePair.Create(p.Item1, p.Item2)));
                using var content = new FormUrlEncodedContent(pairs);
                var form = content.ReadAsStringAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
                var encoded = Uri.EscapeDataString(secret.Value).Replace("%20", "+", StringComparison.Ordinal);
                Assert.Contains(encoded, form, StringComparison.Ordinal);

                secret.AssertAbsent(SecretRedactor.Default.RedactJson(Encoding.UTF8.GetBytes(form)), encoded);
                secret.AssertAbsent(Mist.Sanitize(form), encoded);
            },
            static input => $"{input.Item1}={FuzzGen.Show(input.Item2.Value)}");
    }

    [Fact]
    public void RedactText_RegisteredSecretAnywhere_NeverSurvives()
    {
        Property.Check(report, "Redaction: registered literal secret anywhere in free text", Subject, FuzzCases.Builder,
            Gen.Select(AnySecret, FuzzGen.Text(0, 30), FuzzGen.Text(0, 30), Gen.Int[1, 3]),
            static input =>
            {
                var (secret, before, after, times) = input;
                var redactor = new SecretRedactor(new RedactionOptions());
                redactor.AddSecret(secret.Value);
                var text = before + string.Concat(Enumerable.Repeat(secret.Value + after, times));

                Assert.True(redactor.ContainsSecret(text));
                secret.AssertAbsent(redactor.RedactText(text));
                if (!EscapedSecretBugPresent || System.Text.Json.JsonEncodedText.Encode(secret.Value).Value == secret.Value)
                {
                    secret.AssertAbsent(redactor.RedactJson(Encoding.UTF8.GetBytes(text)));
                }
            },
            static input => $"{FuzzGen.Show(input.Item2)} + {FuzzGen.Show(input.Item1.Value)} + {FuzzGen.Show(input.Item3)}");
    }

    [Fact]
    public void RedactText_AnyText_NeverThrows()
    {
        Property.Check(report, "Redaction: any text or bytes never throw", Subject, FuzzCases.Builder,
            Gen.Select(FuzzGen.AnyText, FuzzGen.InvalidUtf8),
            static input =>
            {
                var (text, bytes) = input;
                _ = SecretRedactor.Default.RedactText(text);
                _ = SecretRedactor.Default.RedactJson(Encoding.UTF8.GetBytes(text));
                if (!InvalidUtf8BugPresent)
                {
                    _ = SecretRedactor.Default.RedactJson(bytes);
                }
                _ = Mist.Sanitize(text);
                _ = SecretRedactor.Default.RedactHeader(text.Length == 0 ? "x" : text, text);
            },
            static input => $"{FuzzGen.Show(input.Item1)} / bytes {Convert.ToHexString(input.Item2)}");
    }

    [Fact]
    public void Sanitize_UserInfoInLogText_IsMasked() =>
        KnownBug.Check(report,
            "`MistLogSanitizer.Default.Sanitize(\"proxy https://user:S3cretPw@proxy.local:3128 refused\")` and `SecretRedactor.Default.RedactText(...)` "
            + "(Http/Redaction/SecretRedactor.cs) keep `S3cretPw`: free-text redaction masks name=value pairs and scheme credentials but not the password in "
            + "a URL's user info (RedactUri does remove it). Fix: mask `scheme://user:password@` in RedactText.",
            static () =>
            {
                Assert.DoesNotContain("S3cretPw", MistLogSanitizer.Default.Sanitize("proxy https://user:S3cretPw@proxy.local:3128 refused"), StringComparison.Ordinal);
                Assert.DoesNotContain("S3cretPw", SecretRedactor.Default.RedactText("proxy https://user:S3cretPw@proxy.local:3128 refused"), StringComparison.Ordinal);
            });

    [Fact]
    public void RedactJson_InvalidUtf8InAString_IsRedactedNotThrown() =>
        KnownBug.Check(report,
            "`SecretRedactor.Default.RedactJson([0x22, 0xFF, 0x22])` (a JSON string holding the byte 0xFF; Http/Redaction/SecretRedactor.cs) throws "
            + "InvalidOperationException (\"Cannot transcode invalid UTF-8\") from Utf8JsonReader.GetString: only JsonException falls back to text "
            + "redaction. With LogBodies on and Trace logging, such a response body makes ConduitClient throw InvalidOperationException. "
            + "Fix: catch InvalidOperationException like JsonException in RedactJson.",
            InvalidUtf8InAJsonStringIsRedactedNotThrown);

    [Fact]
    public void RedactJson_RegisteredSecretStraddlingJsonSyntax_IsMasked() =>
        KnownBug.Check(report,
            "After `redactor.AddSecret(\"\\\"?5橧*VQA36HZV5L7Rzt§晴\")` (a secret that begins with a double quote), `RedactJson` of the raw text "
            + "`\"?5橧*VQA36HZV5L7Rzt§晴Vv…Qq\"` keeps the secret's core: the secret's quote opens a JSON string, so the decoded string value "
            + "(Http/Redaction/SecretRedactor.cs, WriteRedacted) does not contain the secret, and the rewritten document escapes it out of reach of "
            + "the final text pass. Found with 200× the usual cases. Fix: mask literal secrets in the raw text before reading it as JSON.",
            StraddlingRegisteredSecretIsMasked);

    [Fact]
    public void RedactJson_RegisteredSecretTheWriterEscapes_IsMasked() =>
        KnownBug.Check(report,
            "After `redactor.AddSecret(\"abc+def123\")`, `redactor.RedactJson(\"{\\\"note\\\":\\\"abc+def123\\\"}\"u8)` returns "
            + "`{\"note\":\"abc\\u002Bdef123\"}`: RedactJson (Http/Redaction/SecretRedactor.cs) rewrites the document with Utf8JsonWriter's "
            + "default escaping ('+', '<', '>', '&', '\\'', non-ASCII) and only then masks registered secrets, which no longer match. Base64 tokens "
            + "contain '+', passwords non-ASCII letters; such a secret under a non-sensitive field (or in a JSON string body) reaches logs. "
            + "Fix: mask registered secrets in the string values before writing, or write with an encoder that does not escape them.",
            EscapedRegisteredSecretIsMasked);

    private static void StraddlingRegisteredSecretIsMasked()
    {
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret("\"?5\u6a67*VQA36HZV5L7Rzt\u00a7\u6674");
        Assert.DoesNotContain("VQA36HZV5L7Rzt", redactor.RedactJson(Encoding.UTF8.GetBytes("\"?5\u6a67*VQA36HZV5L7Rzt\u00a7\u6674Vv\u200b);/>Gp b*@*>^Qq\"")), StringComparison.Ordinal);
    }

    private static void EscapedRegisteredSecretIsMasked()
    {
        var redactor = new SecretRedactor(new RedactionOptions());
        redactor.AddSecret("abc+def123");
        Assert.DoesNotContain("def123", redactor.RedactJson("{\"note\":\"abc+def123\"}"u8), StringComparison.Ordinal);
    }

    private static void InvalidUtf8InAJsonStringIsRedactedNotThrown() => _ = SecretRedactor.Default.RedactJson([0x22, 0xFF, 0x22]);

    private static bool MistOnly(string name) => !SecretRedactor.Default.IsSensitiveName(name);

    private static Gen<string> Core() => Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ23456789"], 10, 10].Select(static s => "Q" + s + "z");

    private static Gen<string> Casing(Gen<string> names) =>
        Gen.Select(names, Gen.Int[0, 2]).Select(static (n, c) => c switch { 0 => n, 1 => n.ToUpperInvariant(), _ => char.ToUpperInvariant(n[0]) + n[1..] });

    /// <summary>A generated secret and its unique core.</summary>
    private sealed record Secret(string Value, string Core)
    {
        /// <summary>Asserts that neither the secret, its core, nor any of <paramref name="encodings"/> is in <paramref name="text"/>.</summary>
        public void AssertAbsent(string text, params string[] encodings)
        {
            Assert.DoesNotContain(Core, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Value, text, StringComparison.Ordinal);

            foreach (var encoded in encodings)
            {
                Assert.DoesNotContain(encoded, text, StringComparison.Ordinal);
            }
        }

        /// <summary>Asserts that no string value of the JSON document contains the core (catches escaped forms).</summary>
        public void AssertAbsentFromJsonValues(string json)
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement);

            void Walk(JsonElement element)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            Walk(property.Value);
                        }

                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            Walk(item);
                        }

                        break;
                    case JsonValueKind.String:
                        Assert.DoesNotContain(Core, element.GetString()!, StringComparison.Ordinal);
                        break;
                }
            }
        }
    }
}
