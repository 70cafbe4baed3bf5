namespace Conduit.Mist.Credentials;

/// <summary>
/// The key names credentials are stored under, the same in the environment, <c>.env</c> files, Vault secrets and
/// the keyring. A field can have several names (seed 2's <c>MIST_APITOKEN</c> and seed 1's <c>MIST_API_TOKEN</c>);
/// within one source the first name listed by <see cref="NamesOf"/> wins.
/// </summary>
public static class MistCredentialKeys
{
    /// <summary><c>MIST_HOST</c>: the Mist host, e.g. <c>api.mist.com</c>, or a URL such as <c>http://127.0.0.1:5000</c>.</summary>
    public const string Host = "MIST_HOST";

    /// <summary><c>MIST_BASE_URL</c>: seed 1's name for the host, e.g. <c>https://api.mist.com/api/v1</c>.</summary>
    public const string BaseUrl = "MIST_BASE_URL";

    /// <summary><c>MIST_APITOKEN</c>: one API token, or several separated by commas.</summary>
    public const string ApiToken = "MIST_APITOKEN";

    /// <summary><c>MIST_API_TOKEN</c>: seed 1's name for <see cref="ApiToken"/>.</summary>
    public const string ApiTokenAlias = "MIST_API_TOKEN";

    /// <summary><c>MIST_USER</c>: the login e-mail.</summary>
    public const string User = "MIST_USER";

    /// <summary><c>MIST_PASSWORD</c>: the login password.</summary>
    public const string Password = "MIST_PASSWORD";

    /// <summary><c>MIST_ORG_ID</c>: the organisation id.</summary>
    public const string OrgId = "MIST_ORG_ID";

    /// <summary><c>MIST_TIMEOUT</c>: the request timeout in seconds.</summary>
    public const string Timeout = "MIST_TIMEOUT";

    /// <summary><c>MIST_MAX_RETRIES</c>: the maximum number of retries.</summary>
    public const string MaxRetries = "MIST_MAX_RETRIES";

    /// <summary><c>MIST_BACKOFF_FACTOR</c>: the retry backoff factor.</summary>
    public const string BackoffFactor = "MIST_BACKOFF_FACTOR";

    /// <summary><c>MIST_RATE_LIMIT_THRESHOLD</c>: warn when fewer calls than this remain.</summary>
    public const string RateLimitThreshold = "MIST_RATE_LIMIT_THRESHOLD";

    /// <summary><c>HTTPS_PROXY</c>: the proxy URL, e.g. <c>http://user:password@proxy:3128</c>.</summary>
    public const string HttpsProxy = "HTTPS_PROXY";

    /// <summary><c>https_proxy</c>: the lower-case spelling many tools use.</summary>
    public const string HttpsProxyLowerCase = "https_proxy";

    /// <summary><c>CONSOLE_LOG_LEVEL</c>: the console log level (0 off, 10 debug … 50 critical, or a level name).</summary>
    public const string ConsoleLogLevel = "CONSOLE_LOG_LEVEL";

    /// <summary><c>LOGGING_LOG_LEVEL</c>: the file log level (same scale as <see cref="ConsoleLogLevel"/>).</summary>
    public const string FileLogLevel = "LOGGING_LOG_LEVEL";

    /// <summary><c>MIST_ENV_FILE</c>: the path of the <c>.env</c> file to read.</summary>
    public const string EnvFile = "MIST_ENV_FILE";

    /// <summary><c>MIST_KEYRING_SERVICE</c>: the keyring service name the credentials are stored under.</summary>
    public const string KeyringService = "MIST_KEYRING_SERVICE";

    /// <summary><c>MIST_VAULT_URL</c>: the Vault address (default <c>https://127.0.0.1:8200</c>).</summary>
    public const string VaultUrl = "MIST_VAULT_URL";

    /// <summary><c>MIST_VAULT_PATH</c>: the secret's path under the mount, e.g. <c>mist/credentials</c>.</summary>
    public const string VaultPath = "MIST_VAULT_PATH";

    /// <summary><c>MIST_VAULT_MOUNT_POINT</c>: the KV v2 mount (default <c>secret</c>).</summary>
    public const string VaultMountPoint = "MIST_VAULT_MOUNT_POINT";

    /// <summary><c>MIST_VAULT_TOKEN</c>: the Vault token.</summary>
    public const string VaultToken = "MIST_VAULT_TOKEN";

    private static readonly string[] HostNames = [Host, BaseUrl];
    private static readonly string[] ApiTokenNames = [ApiToken, ApiTokenAlias];
    private static readonly string[] UserNames = [User];
    private static readonly string[] PasswordNames = [Password];
    private static readonly string[] OrgIdNames = [OrgId];
    private static readonly string[] TimeoutNames = [Timeout];
    private static readonly string[] MaxRetriesNames = [MaxRetries];
    private static readonly string[] BackoffFactorNames = [BackoffFactor];
    private static readonly string[] RateLimitThresholdNames = [RateLimitThreshold];
    private static readonly string[] ProxyNames = [HttpsProxy, HttpsProxyLowerCase];
    private static readonly string[] ConsoleLogLevelNames = [ConsoleLogLevel];
    private static readonly string[] FileLogLevelNames = [FileLogLevel];

    /// <summary>The key names of one field, the preferred one first.</summary>
    /// <param name="field">A single field.</param>
    /// <returns>The names, never empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not exactly one field.</exception>
    public static IReadOnlyList<string> NamesOf(MistCredentialFields field) => field switch
    {
        MistCredentialFields.Host => HostNames,
        MistCredentialFields.ApiTokens => ApiTokenNames,
        MistCredentialFields.User => UserNames,
        MistCredentialFields.Password => PasswordNames,
        MistCredentialFields.OrgId => OrgIdNames,
        MistCredentialFields.Timeout => TimeoutNames,
        MistCredentialFields.MaxRetries => MaxRetriesNames,
        MistCredentialFields.BackoffFactor => BackoffFactorNames,
        MistCredentialFields.RateLimitThreshold => RateLimitThresholdNames,
        MistCredentialFields.Proxy => ProxyNames,
        MistCredentialFields.ConsoleLogLevel => ConsoleLogLevelNames,
        MistCredentialFields.FileLogLevel => FileLogLevelNames,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Expected exactly one credential field."),
    };

    /// <summary>The single fields in a set, in declaration order.</summary>
    /// <param name="fields">A set of fields.</param>
    /// <returns>Each single field contained in <paramref name="fields"/>.</returns>
    public static IEnumerable<MistCredentialFields> Split(MistCredentialFields fields)
    {
        for (var bit = 1; bit <= (int)MistCredentialFields.FileLogLevel; bit <<= 1)
        {
            var field = (MistCredentialFields)bit;
            if ((fields & field) != 0)
            {
                yield return field;
            }
        }
    }

    /// <summary>Whether a field holds a secret (its value never appears in messages, logs or <c>ToString</c>).</summary>
    /// <param name="field">A single field.</param>
    /// <returns><see langword="true"/> for API tokens, the password and the proxy URL.</returns>
    public static bool IsSecret(MistCredentialFields field) =>
        field is MistCredentialFields.ApiTokens or MistCredentialFields.Password or MistCredentialFields.Proxy;
}
