namespace Conduit.Http.Redaction;

/// <summary>Which names mark a header, query parameter or JSON field as secret.</summary>
public sealed class RedactionOptions
{
    /// <summary>The text that replaces a secret value.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>
    /// Fragments that make a name secret when the name contains them, compared case-insensitively with
    /// <c>-</c> and <c>_</c> ignored (so <c>api_key</c>, <c>X-API-Key</c> and <c>apiKey</c> all match <c>apikey</c>).
    /// </summary>
    public IList<string> SensitiveNameFragments { get; } =
    [
        "authorization", "token", "password", "passwd", "secret", "apikey", "psk", "passphrase",
        "cookie", "csrf", "privatekey", "sessionid", "credential", "signature", "twofactor",
    ];

    /// <summary>Names that are secret only as a whole word (too short to match as fragments), compared case-insensitively.</summary>
    public IList<string> SensitiveExactNames { get; } = ["key", "code", "sig", "pin", "auth", "session", "otp"];
}
