using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>The defaults of the seeds for settings no source gave (see <see cref="MistCredentials.WithDefaults"/>).</summary>
public static class MistCredentialDefaults
{
    /// <summary>The request timeout: 30 seconds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The maximum number of retries: 3.</summary>
    public const int MaxRetries = 3;

    /// <summary>The retry backoff factor: 1.0.</summary>
    public const double BackoffFactor = 1.0;

    /// <summary>The remaining-quota warning threshold: 10 calls.</summary>
    public const int RateLimitThreshold = 10;

    /// <summary>The console log level: <see cref="LogLevel.Information"/> (seed 2's 20).</summary>
    public const LogLevel ConsoleLogLevel = LogLevel.Information;

    /// <summary>The file log level: <see cref="LogLevel.Debug"/> (seed 2's 10).</summary>
    public const LogLevel FileLogLevel = LogLevel.Debug;

    /// <summary>The Vault address when none is given: <c>https://127.0.0.1:8200</c>.</summary>
    public static readonly Uri VaultAddress = new("https://127.0.0.1:8200");

    /// <summary>The Vault KV v2 mount when none is given: <c>secret</c>.</summary>
    public const string VaultMountPoint = "secret";

    /// <summary>The <c>.env</c> file read when none is named: <c>.env</c> in the current directory (skipped when absent).</summary>
    public const string EnvFileName = ".env";
}
