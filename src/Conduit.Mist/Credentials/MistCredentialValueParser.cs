using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>
/// Turns the text of one key (from the environment, a <c>.env</c> file, Vault, the keyring or a prompt) into a typed
/// field, and checks typed arguments, with one rule set. Errors name the source and the key; secret values never
/// appear in them.
/// </summary>
internal static class MistCredentialValueParser
{
    private const double MaxTimeoutSeconds = 86_400;

    /// <summary>Parses a host name or an http(s) URL; <see langword="null"/> when it is neither.</summary>
    public static Uri? ParseHost(string value)
    {
        var text = value.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            if (text.Contains('/', StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal))
            {
                return null;
            }

            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;
    }

    /// <summary>Returns <paramref name="target"/> with <paramref name="field"/> parsed from <paramref name="raw"/>.</summary>
    /// <exception cref="MistCredentialException">The text is malformed for the field.</exception>
    public static MistCredentials Apply(MistCredentials target, MistCredentialFields field, string key, string raw, string source)
    {
        var text = raw.Trim();
        return field switch
        {
            MistCredentialFields.Host => ParseHost(text) is null
                ? throw Malformed(field, key, source, "is not a host name or an http(s) URL", text)
                : target with { Host = text },
            MistCredentialFields.ApiTokens => target with { ApiTokens = ParseTokens(key, text, source) },
            MistCredentialFields.User => target with { User = text },
            MistCredentialFields.Password => target with { Password = raw },
            MistCredentialFields.OrgId => target with { OrgId = ParseOrgId(key, text, source) },
            MistCredentialFields.Timeout => target with { Timeout = ParseTimeout(key, text, source) },
            MistCredentialFields.MaxRetries => target with { MaxRetries = ParseCount(field, key, text, source) },
            MistCredentialFields.BackoffFactor => target with { BackoffFactor = ParseBackoff(key, text, source) },
            MistCredentialFields.RateLimitThreshold => target with { RateLimitThreshold = ParseCount(field, key, text, source) },
            MistCredentialFields.Proxy => target with { Proxy = ParseProxy(key, text, source) },
            MistCredentialFields.ConsoleLogLevel => target with { ConsoleLogLevel = ParseLogLevel(key, text, source) },
            MistCredentialFields.FileLogLevel => target with { FileLogLevel = ParseLogLevel(key, text, source) },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Expected exactly one credential field."),
        };
    }

    /// <summary>Checks typed values given as arguments with the same rules as text from the other sources.</summary>
    /// <exception cref="MistCredentialException">A value is out of range or malformed.</exception>
    public static void Validate(MistCredentials values, string source)
    {
        if (values.Host is not null && ParseHost(values.Host) is null)
        {
            throw Malformed(MistCredentialFields.Host, nameof(MistCredentials.Host), source, "is not a host name or an http(s) URL", values.Host);
        }

        if (values.ApiTokens is not null)
        {
            ParseTokens(nameof(MistCredentials.ApiTokens), string.Join(',', values.ApiTokens), source);
        }

        if (values.OrgId is not null)
        {
            ParseOrgId(nameof(MistCredentials.OrgId), values.OrgId, source);
        }

        if (values.Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout.TotalSeconds > MaxTimeoutSeconds))
        {
            throw new MistCredentialException($"{nameof(MistCredentials.Timeout)} in {source} must be more than 0 and at most {MaxTimeoutSeconds} seconds: '{timeout}'.", source, nameof(MistCredentials.Timeout));
        }

        if (values.MaxRetries is < 0)
        {
            throw new MistCredentialException($"{nameof(MistCredentials.MaxRetries)} in {source} must not be negative: '{values.MaxRetries}'.", source, nameof(MistCredentials.MaxRetries));
        }

        if (values.BackoffFactor is { } backoff && (!double.IsFinite(backoff) || backoff < 0))
        {
            throw new MistCredentialException($"{nameof(MistCredentials.BackoffFactor)} in {source} must be a finite number of at least 0: '{backoff.ToString(CultureInfo.InvariantCulture)}'.", source, nameof(MistCredentials.BackoffFactor));
        }

        if (values.RateLimitThreshold is < 0)
        {
            throw new MistCredentialException($"{nameof(MistCredentials.RateLimitThreshold)} in {source} must not be negative: '{values.RateLimitThreshold}'.", source, nameof(MistCredentials.RateLimitThreshold));
        }

        if (values.Proxy is { } proxy && !IsProxyUri(proxy))
        {
            throw Malformed(MistCredentialFields.Proxy, nameof(MistCredentials.Proxy), source, "is not a proxy URL such as http://proxy.example.com:3128", null);
        }
    }

    private static string[] ParseTokens(string key, string text, string source)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var tokens = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                continue;
            }

            if (parts[i].Any(char.IsWhiteSpace))
            {
                throw new MistCredentialException($"{key} in {source} has whitespace inside API token {i + 1} (value hidden).", source, key);
            }

            if (!tokens.Contains(parts[i], StringComparer.Ordinal))
            {
                tokens.Add(parts[i]);
            }
        }

        return tokens.Count == 0
            ? throw new MistCredentialException($"{key} in {source} contains no API token, only commas (value hidden).", source, key)
            : [.. tokens];
    }

    private static string ParseOrgId(string key, string text, string source) =>
        Guid.TryParseExact(text, "D", out _)
            ? text.ToLowerInvariant()
            : throw Malformed(MistCredentialFields.OrgId, key, source, "is not an organisation id (a UUID such as 203d3d02-0000-4000-8000-76896a3330f4)", text);

    private static TimeSpan ParseTimeout(string key, string text, string source)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            throw Malformed(MistCredentialFields.Timeout, key, source, "is not a number", text);
        }

        return seconds is > 0 and <= MaxTimeoutSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw Malformed(MistCredentialFields.Timeout, key, source, $"must be more than 0 and at most {MaxTimeoutSeconds} seconds", text);
    }

    private static int ParseCount(MistCredentialFields field, string key, string text, string source)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            throw Malformed(field, key, source, "is not a whole number", text);
        }

        return count >= 0 ? count : throw Malformed(field, key, source, "must not be negative", text);
    }

    private static double ParseBackoff(string key, string text, string source)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || !double.IsFinite(factor))
        {
            throw Malformed(MistCredentialFields.BackoffFactor, key, source, "is not a number", text);
        }

        return factor >= 0 ? factor : throw Malformed(MistCredentialFields.BackoffFactor, key, source, "must not be negative", text);
    }

    private static Uri ParseProxy(string key, string text, string source)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && IsProxyUri(uri)
            ? uri
            : throw Malformed(MistCredentialFields.Proxy, key, source, "is not a proxy URL such as http://proxy.example.com:3128", text);
    }

    private static bool IsProxyUri(Uri uri) =>
        uri.IsAbsoluteUri
        && uri.Host.Length > 0
        && uri.Scheme is "http" or "https" or "socks4" or "socks4a" or "socks5";

    private static LogLevel ParseLogLevel(string key, string text, string source)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number switch
            {
                0 => LogLevel.None,
                >= 1 and <= 10 => LogLevel.Debug,
                >= 11 and <= 20 => LogLevel.Information,
                >= 21 and <= 30 => LogLevel.Warning,
                >= 31 and <= 40 => LogLevel.Error,
                >= 41 and <= 50 => LogLevel.Critical,
                _ => throw Malformed(MistCredentialFields.ConsoleLogLevel, key, source, "is not a log level between 0 (off) and 50 (critical)", text),
            };
        }

        return text.ToUpperInvariant() switch
        {
            "NONE" or "OFF" or "DISABLED" => LogLevel.None,
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" or "FATAL" => LogLevel.Critical,
            _ => throw Malformed(MistCredentialFields.ConsoleLogLevel, key, source, "is not a log level (0, 10, 20, 30, 40, 50 or a name such as INFO)", text),
        };
    }

    private static MistCredentialException Malformed(MistCredentialFields field, string key, string source, string problem, string? text)
    {
        var shown = MistCredentialKeys.IsSecret(field) || text is null ? " (value hidden)" : $": '{Shorten(text)}'";
        return new MistCredentialException($"{key} in {source} {problem}{shown}.", source, key);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
