using System.Text;
using Conduit.Http.Transport;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>
/// Mist connection settings and credentials, every one optional: what one source found, or the merge of all
/// sources made by <see cref="MistCredentialResolver"/>. <see cref="ToString"/> never shows a secret: API tokens,
/// the password and the proxy's user information are masked.
/// </summary>
/// <example>
/// <code>
/// var arguments = new MistCredentials { Host = "api.eu.mist.com", ApiTokens = ["token-1", "token-2"] };
/// </code>
/// </example>
public sealed record MistCredentials
{
    private const string Hidden = "***";

    /// <summary>No value at all.</summary>
    public static MistCredentials Empty { get; } = new();

    /// <summary>
    /// The Mist host as given: a host name such as <c>api.mist.com</c> (<c>MIST_HOST</c>), or a URL such as
    /// <c>https://api.mist.com/api/v1</c> (<c>MIST_BASE_URL</c>) or <c>http://127.0.0.1:5000</c> (a sandbox).
    /// Sources check it; <see cref="BaseUrl"/> gives it as a URL.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>
    /// <see cref="Host"/> as a URL: a bare host becomes <c>https://host/</c>, a URL is kept as given;
    /// <see langword="null"/> when there is no host or it is neither a host name nor an http(s) URL.
    /// </summary>
    public Uri? BaseUrl => Host is null ? null : MistCredentialValueParser.ParseHost(Host);

    /// <summary>The API tokens (<c>MIST_APITOKEN</c>, comma-separated), in order. Secret.</summary>
    public IReadOnlyList<string>? ApiTokens { get; init; }

    /// <summary>The first API token, or <see langword="null"/> (seed 1's single <c>api_token</c>). Secret.</summary>
    public string? ApiToken => ApiTokens is { Count: > 0 } tokens ? tokens[0] : null;

    /// <summary>The login e-mail (<c>MIST_USER</c>).</summary>
    public string? User { get; init; }

    /// <summary>The login password (<c>MIST_PASSWORD</c>). Secret.</summary>
    public string? Password { get; init; }

    /// <summary>The organisation id (<c>MIST_ORG_ID</c>).</summary>
    public string? OrgId { get; init; }

    /// <summary>The request timeout (<c>MIST_TIMEOUT</c>, in seconds).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The maximum number of retries (<c>MIST_MAX_RETRIES</c>).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>The retry backoff factor (<c>MIST_BACKOFF_FACTOR</c>).</summary>
    public double? BackoffFactor { get; init; }

    /// <summary>Warn when fewer calls than this remain in the rate-limit window (<c>MIST_RATE_LIMIT_THRESHOLD</c>).</summary>
    public int? RateLimitThreshold { get; init; }

    /// <summary>The HTTP(S) proxy (<c>HTTPS_PROXY</c>), possibly with <c>user:password@</c>. Treated as secret.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>The console log level (<c>CONSOLE_LOG_LEVEL</c>); <see cref="LogLevel.None"/> turns console logging off.</summary>
    public LogLevel? ConsoleLogLevel { get; init; }

    /// <summary>The file log level (<c>LOGGING_LOG_LEVEL</c>); <see cref="LogLevel.None"/> turns file logging off.</summary>
    public LogLevel? FileLogLevel { get; init; }

    /// <summary>Whether the credentials can authenticate: at least one API token, or both a user and a password.</summary>
    public bool CanAuthenticate => ApiTokens is { Count: > 0 } || (User is not null && Password is not null);

    /// <summary>The fields that have a value.</summary>
    public MistCredentialFields PresentFields
    {
        get
        {
            var present = MistCredentialFields.None;
            foreach (var one in MistCredentialKeys.Split(MistCredentialFields.All))
            {
                if (MistCredentialFieldAccess.Has(this, one))
                {
                    present |= one;
                }
            }

            return present;
        }
    }

    /// <summary>
    /// A copy with the seeds' defaults in the fields that have no value: timeout 30 s, 3 retries, backoff 1.0,
    /// threshold 10, console <see cref="LogLevel.Information"/>, file <see cref="LogLevel.Debug"/>. The host has no
    /// default here: the session falls back to the Global 01 cloud.
    /// </summary>
    /// <returns>The completed copy.</returns>
    public MistCredentials WithDefaults() => this with
    {
        Timeout = Timeout ?? MistCredentialDefaults.Timeout,
        MaxRetries = MaxRetries ?? MistCredentialDefaults.MaxRetries,
        BackoffFactor = BackoffFactor ?? MistCredentialDefaults.BackoffFactor,
        RateLimitThreshold = RateLimitThreshold ?? MistCredentialDefaults.RateLimitThreshold,
        ConsoleLogLevel = ConsoleLogLevel ?? MistCredentialDefaults.ConsoleLogLevel,
        FileLogLevel = FileLogLevel ?? MistCredentialDefaults.FileLogLevel,
    };

    /// <summary>
    /// The proxy as Conduit HTTP options: the address without user information, and the user and password (URL-decoded)
    /// split out. With no <see cref="Proxy"/>, options that follow the environment as usual.
    /// </summary>
    /// <returns>New proxy options.</returns>
    public ProxyOptions ToProxyOptions()
    {
        if (Proxy is null)
        {
            return new ProxyOptions();
        }

        var options = new ProxyOptions { Address = new UriBuilder(Proxy) { UserName = string.Empty, Password = string.Empty }.Uri };
        if (!string.IsNullOrEmpty(Proxy.UserInfo))
        {
            var separator = Proxy.UserInfo.IndexOf(':', StringComparison.Ordinal);
            options.UserName = Uri.UnescapeDataString(separator < 0 ? Proxy.UserInfo : Proxy.UserInfo[..separator]);
            options.Password = separator < 0 ? null : Uri.UnescapeDataString(Proxy.UserInfo[(separator + 1)..]);
        }

        return options;
    }

    /// <summary>The proxy URL with any user information replaced by <c>***</c>, for display.</summary>
    internal static string DescribeProxy(Uri proxy) =>
        string.IsNullOrEmpty(proxy.UserInfo)
            ? proxy.ToString()
            : new UriBuilder(proxy) { UserName = Hidden, Password = string.Empty }.Uri.ToString();

    private bool PrintMembers(StringBuilder builder)
    {
        var first = true;
        void Append(string name, object? value)
        {
            if (value is null)
            {
                return;
            }

            builder.Append(first ? string.Empty : ", ").Append(name).Append(" = ").Append(value);
            first = false;
        }

        Append(nameof(Host), Host);
        Append(nameof(ApiTokens), ApiTokens is null ? null : $"[{ApiTokens.Count} hidden]");
        Append(nameof(User), User);
        Append(nameof(Password), Password is null ? null : Hidden);
        Append(nameof(OrgId), OrgId);
        Append(nameof(Timeout), Timeout);
        Append(nameof(MaxRetries), MaxRetries);
        Append(nameof(BackoffFactor), BackoffFactor?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(nameof(RateLimitThreshold), RateLimitThreshold);
        Append(nameof(Proxy), Proxy is null ? null : DescribeProxy(Proxy));
        Append(nameof(ConsoleLogLevel), ConsoleLogLevel);
        Append(nameof(FileLogLevel), FileLogLevel);
        return !first;
    }
}
