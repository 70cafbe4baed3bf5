using System.Text;
using Conduit.Http.Redaction;

namespace Conduit.Mist.Logging;

/// <summary>
/// Masks secrets in Mist payloads and log text (seed 2's <c>LogSanitizer</c>): passwords, API tokens, secrets, PSKs,
/// passphrases, keys, OAuth client secrets, <c>Authorization</c>, <c>X-CSRFToken</c> and cookies — as JSON fields at any
/// depth, <c>name=value</c> pairs, header values and credentials after <c>Token</c>/<c>Bearer</c>/<c>Basic</c> — plus
/// any literal secret registered with <see cref="AddSecret"/>. Built on the core's <see cref="SecretRedactor"/>.
/// </summary>
/// <example>
/// <code>
/// var text = MistLogSanitizer.Default.Sanitize("{\"user\": \"john\", \"apitoken\": \"secret123\"}");
/// // {"user": "john", "apitoken": "[REDACTED]"}
/// </code>
/// </example>
public sealed class MistLogSanitizer
{
    /// <summary>Name fragments that mark a Mist field secret, on top of the core's.</summary>
    public static readonly IReadOnlyList<string> MistSensitiveFragments =
    [
        "apitoken", "passphrase", "psk", "secret", "privatekey", "sharedkey", "presharedkey", "wepkey", "wpakey",
        "sshkey", "apikey", "keytab", "clientsecret", "oauth", "csrftoken", "twofactor", "totp", "radiuskey", "password",
    ];

    /// <summary>Exact field names that are secret in Mist payloads.</summary>
    public static readonly IReadOnlyList<string> MistSensitiveNames = ["key", "keys", "pass", "pwd", "secret", "csrftoken", "cookie", "setcookie"];

    /// <summary>A sanitizer with the Mist names and no literal secrets.</summary>
    public static MistLogSanitizer Default { get; } = new();

    /// <summary>Creates a sanitizer with the core's sensitive names plus the Mist ones.</summary>
    public MistLogSanitizer()
    {
        var options = new RedactionOptions();
        AddMistNames(options);
        Redactor = new SecretRedactor(options);
    }

    /// <summary>Adds the Mist sensitive names to redaction options (for example a client's <c>ConduitClientOptions.Redaction</c>).</summary>
    public static void AddMistNames(RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var fragment in MistSensitiveFragments.Except(options.SensitiveNameFragments).ToArray())
        {
            options.SensitiveNameFragments.Add(fragment);
        }

        foreach (var name in MistSensitiveNames.Except(options.SensitiveExactNames).ToArray())
        {
            options.SensitiveExactNames.Add(name);
        }
    }

    /// <summary>The underlying redactor.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Registers a literal secret (a token, a password) to be masked wherever it appears.</summary>
    public void AddSecret(string? secret) => Redactor.AddSecret(secret);

    /// <summary>Whether a field or header name marks its value as secret.</summary>
    public bool IsSensitive(string? name) => Redactor.IsSensitiveName(name);

    /// <summary>
    /// Masks secrets in any text: a JSON document (fields masked by name at any depth), or free text with
    /// <c>name=value</c> pairs, <c>"name": "value"</c> pairs, scheme credentials and registered secrets.
    /// </summary>
    public string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '['
            ? Redactor.RedactJson(Encoding.UTF8.GetBytes(text))
            : Redactor.RedactText(text);
    }

    /// <summary>Masks secrets in a UTF-8 JSON payload (text that is not JSON is sanitized as text).</summary>
    public string SanitizeJson(ReadOnlySpan<byte> utf8Json) => Redactor.RedactJson(utf8Json);

    /// <summary>Returns the value to log for a header: masked for <c>Authorization</c>, <c>Cookie</c>, <c>X-CSRFToken</c> and the like.</summary>
    public string SanitizeHeader(string name, string? value) => Redactor.RedactHeader(name, value);
}
