namespace Conduit.Mist.Credentials;

/// <summary>
/// The fields of <see cref="MistCredentials"/>, as flags so a set of them (what is still missing, what a source
/// found) fits in one value. Each field is resolved on its own: the first source that has it wins.
/// </summary>
[Flags]
public enum MistCredentialFields
{
    /// <summary>No field.</summary>
    None = 0,

    /// <summary>The Mist host or base URL (<c>MIST_HOST</c>, <c>MIST_BASE_URL</c>).</summary>
    Host = 1 << 0,

    /// <summary>One or more API tokens (<c>MIST_APITOKEN</c>, <c>MIST_API_TOKEN</c>; comma-separated). Secret.</summary>
    ApiTokens = 1 << 1,

    /// <summary>The login e-mail (<c>MIST_USER</c>).</summary>
    User = 1 << 2,

    /// <summary>The login password (<c>MIST_PASSWORD</c>). Secret.</summary>
    Password = 1 << 3,

    /// <summary>The organisation id (<c>MIST_ORG_ID</c>).</summary>
    OrgId = 1 << 4,

    /// <summary>The request timeout in seconds (<c>MIST_TIMEOUT</c>).</summary>
    Timeout = 1 << 5,

    /// <summary>The maximum retries (<c>MIST_MAX_RETRIES</c>).</summary>
    MaxRetries = 1 << 6,

    /// <summary>The retry backoff factor (<c>MIST_BACKOFF_FACTOR</c>).</summary>
    BackoffFactor = 1 << 7,

    /// <summary>The remaining-quota warning threshold (<c>MIST_RATE_LIMIT_THRESHOLD</c>).</summary>
    RateLimitThreshold = 1 << 8,

    /// <summary>The HTTP(S) proxy URL (<c>HTTPS_PROXY</c>); may carry a proxy password, so it is treated as secret.</summary>
    Proxy = 1 << 9,

    /// <summary>The console log level (<c>CONSOLE_LOG_LEVEL</c>).</summary>
    ConsoleLogLevel = 1 << 10,

    /// <summary>The file log level (<c>LOGGING_LOG_LEVEL</c>).</summary>
    FileLogLevel = 1 << 11,

    /// <summary>The fields that authenticate: API tokens, user and password.</summary>
    Authentication = ApiTokens | User | Password,

    /// <summary>Every field.</summary>
    All = Host | ApiTokens | User | Password | OrgId | Timeout | MaxRetries | BackoffFactor | RateLimitThreshold | Proxy | ConsoleLogLevel | FileLogLevel,
}
