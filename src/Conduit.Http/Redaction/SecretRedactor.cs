using System.Diagnostics.CodeAnalysis;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conduit.Http.Redaction;

/// <summary>
/// Removes secrets from what Conduit logs or puts in exception messages: header values, query-string values and
/// JSON fields whose names look secret, credentials after <c>Bearer</c>/<c>Token</c>/<c>Basic</c>, and any literal
/// secret value registered with <see cref="AddSecret"/> wherever it appears.
/// </summary>
public sealed partial class SecretRedactor
{
    private readonly string[] _fragments;
    private readonly HashSet<string> _exactNames;
    // Logs are not HTML: non-ASCII letters, '+', '<' and the like are written as they are, so a registered secret in a
    // rewritten document still reads as itself in the final text pass.
    private static readonly JsonWriterOptions RawWriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxJsonDepth };

    // As deep as the writer goes by default: a deeper document is read as text rather than as JSON (64, the reader's
    // default, sent real nested documents to the text fallback, which cannot mask a sensitive object whole).
    private const int MaxJsonDepth = 1000;

    private volatile string[] _secrets = [];
    private readonly Lock _secretsLock = new();

    /// <summary>A redactor with the default sensitive names.</summary>
    public static SecretRedactor Default { get; } = new(new RedactionOptions());

    /// <summary>Creates a redactor from options; the options are copied.</summary>
    public SecretRedactor(RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Null or blank entries (configuration binds "[{}]" as a null) mark nothing secret; skip them.
        _fragments = (options.SensitiveNameFragments ?? []).Where(static f => f is not null).Select(Normalize).Where(static f => f.Length > 0).ToArray();
        _exactNames = new HashSet<string>(
            (options.SensitiveExactNames ?? []).Where(static n => n is not null).Select(Normalize).Where(static n => n.Length > 0), StringComparer.Ordinal);
    }

    /// <summary>Registers a literal secret (a token, password or key) to be masked wherever it appears in text.</summary>
    /// <param name="secret">The secret; values shorter than 4 characters are ignored to avoid masking ordinary text.</param>
    public void AddSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (_secretsLock)
        {
            if (Array.IndexOf(_secrets, secret) < 0)
            {
                // Longest first, so a secret that contains another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    /// <summary>Whether a header, query parameter or JSON field name marks its value as secret.</summary>
    public bool IsSensitiveName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var normalized = Normalize(name);
        if (_exactNames.Contains(normalized))
        {
            return true;
        }

        foreach (var fragment in _fragments)
        {
            if (normalized.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the header value to log: masked when the header name is sensitive, else text-redacted.</summary>
    public string RedactHeader(string name, string? value) =>
        IsSensitiveName(name) ? RedactionOptions.Mask : RedactText(value ?? string.Empty);

    /// <summary>Returns the URL with user info removed and sensitive query values masked.</summary>
    public Uri? RedactUri(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return uri;
        }

        var query = uri.Query;
        if (query.Length <= 1 && string.IsNullOrEmpty(uri.UserInfo) && !ContainsSecret(uri.OriginalString))
        {
            return uri;
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        if (query.Length > 1)
        {
            builder.Query = RedactQuery(query.AsSpan(1));
        }

        return new Uri(RedactText(builder.Uri.AbsoluteUri));
    }

    /// <summary>Whether any registered literal secret occurs in <paramref name="text"/>.</summary>
    public bool ContainsSecret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks the values of sensitive names in a query string (without its leading <c>?</c>).</summary>
    public string RedactQuery(ReadOnlySpan<char> query)
    {
        var result = new StringBuilder(query.Length);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (result.Length > 0)
            {
                result.Append('&');
            }

            var equals = pair.IndexOf('=');
            if (equals < 0)
            {
                result.Append(pair);
                continue;
            }

            var name = Uri.UnescapeDataString(pair[..equals].ToString());
            result.Append(pair[..(equals + 1)]);
            if (IsSensitiveName(name))
            {
                result.Append(RedactionOptions.Mask);
            }
            else
            {
                result.Append(pair[(equals + 1)..]);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Masks registered secrets and credentials that follow <c>Bearer</c>, <c>Token</c> or <c>Basic</c>,
    /// and <c>name=value</c> or <c>"name": "value"</c> pairs with sensitive names, in free text.
    /// </summary>
    public string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        text = MaskSecrets(text);
        text = UrlUserInfoPassword().Replace(text, static m => m.Groups["prefix"].Value + RedactionOptions.Mask + "@");
        text = SchemeCredential().Replace(text, static m => m.Groups["scheme"].Value + " " + RedactionOptions.Mask);
        return RedactPairs(text);
    }

    /// <summary>
    /// Masks the values of sensitive <c>name=value</c> and <c>"name": "value"</c> pairs. A pair whose name is not sensitive
    /// is not skipped whole: the search goes on inside its value (<c>"note": "retry with password=…"</c>).
    /// </summary>
    private string RedactPairs(string text)
    {
        var match = NameValuePair().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (match.Success)
        {
            var prefix = match.Groups["prefix"];
            if (IsSensitiveName(match.Groups["name"].Value) && match.Groups["value"].Value != RedactionOptions.Mask)
            {
                builder.Append(text, copied, match.Index - copied).Append(prefix.Value).Append(RedactionOptions.Mask).Append(match.Groups["suffix"].Value);
                copied = match.Index + match.Length;
                match = NameValuePair().Match(text, copied);
            }
            else
            {
                match = NameValuePair().Match(text, prefix.Index + prefix.Length);
            }
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Replaces every registered literal secret in <paramref name="text"/> with the mask.</summary>
    private string MaskSecrets(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, RedactionOptions.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// Returns a JSON document with the values of sensitive fields masked (objects and arrays under a sensitive name
    /// are masked whole). Text that is not JSON is redacted with <see cref="RedactText"/>.
    /// </summary>
    public string RedactJson(ReadOnlySpan<byte> utf8Json) =>
        TryRedactJson(utf8Json, out var redacted) ? redacted : RedactText(Encoding.UTF8.GetString(utf8Json));

    /// <summary>Redacts <paramref name="utf8Json"/> as JSON, or returns false when it is not JSON (or not transcodable).</summary>
    private bool TryRedactJson(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out string? redacted)
    {
        var buffer = new ArrayBufferWriter<byte>(utf8Json.Length + 16);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxJsonDepth });
            using (var writer = new Utf8JsonWriter(buffer, RawWriterOptions))
            {
                WriteRedacted(ref reader, writer);
            }

            // Names were tested before any masking, and string values redacted one by one (WriteRedacted): a pass over
            // the whole document could break its syntax. Left: a registered secret that spanned the original's syntax
            // (`"secret` + `rest"` reads as one string that does not contain it). The writer keeps what JSON allows raw
            // (non-ASCII letters, '+'), so such a secret still reads as itself here unless it spans white space the
            // writer dropped or holds a character it must escape.
            redacted = MaskSecrets(Encoding.UTF8.GetString(buffer.WrittenSpan));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, or JSON whose strings cannot be transcoded (invalid UTF-8, lone surrogates): the caller redacts it
            // as text (invalid bytes become U+FFFD) rather than throw from a logging path.
            redacted = null;
            return false;
        }
    }

    private void WriteRedacted(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        var maskNext = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString();
                    // Registered secrets are masked before writing: the writer escapes '+', '<', non-ASCII… and the
                    // escaped form would no longer match in the final text pass.
                    writer.WritePropertyName(MaskSecrets(name!));
                    maskNext = IsSensitiveName(name);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when maskNext:
                    reader.Skip();
                    writer.WriteStringValue(RedactionOptions.Mask);
                    break;
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
                case var _ when maskNext:
                    writer.WriteStringValue(RedactionOptions.Mask);
                    break;
                case JsonTokenType.String:
                    // Free text inside a value ("see https://u:pw@host", "token=…", "Bearer …") is redacted as text.
                    writer.WriteStringValue(RedactText(reader.GetString()!));
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    writer.WriteBooleanValue(reader.GetBoolean());
                    break;
            }

            maskNext = false;
        }
    }

    private static string Normalize(string name)
    {
        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('-' or '_' or '.' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    // The password in a URL's user info (scheme://user:password@host); the user name is kept.
    [GeneratedRegex(@"(?<prefix>\b[A-Za-z][A-Za-z0-9+.\-]{0,31}://[^\s/?#@:]*:)[^\s/?#@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfoPassword();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Token|Basic))\s+[A-Za-z0-9\-._~+/=:]{4,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCredential();

    // Either a quoted JSON-style name ("password": "x") or a name=value pair (query strings, cookies, form bodies).
    // A bare "name: value" in prose is left alone, so "password: must contain a digit" stays readable.
    // A quoted JSON-style value is masked to its closing quote (escaped quotes included), or to the end of the text when
    // it never closes (a truncated body): "password": "correct horse battery" loses all three words.
    [GeneratedRegex("""(?<prefix>(?<q>["'])(?<name>[A-Za-z0-9_\-.]{1,64})\k<q>\s*:\s*(?<open>["']))(?<value>(?:(?!\k<open>)[^\\]|\\[\s\S])+)(?<suffix>\k<open>)?|(?<prefix>(?:(?<q>["'])(?<name>[A-Za-z0-9_\-.]{1,64})\k<q>\s*:\s*)|(?:(?<![A-Za-z0-9_\-.])(?<name>[A-Za-z0-9_\-.]{1,64})=["']?))(?<value>[^\s"'&,;}]+)(?<suffix>["']?)""", RegexOptions.CultureInvariant)]
    private static partial Regex NameValuePair();
}
