using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>
/// Builds the standard chain of <see cref="MistCredentialResolver.Create"/>: arguments &gt; environment &gt; <c>.env</c>
/// file &gt; Vault &gt; keyring &gt; prompt. Every source can be turned off; Vault and the keyring are used only when
/// configured (here, or by <c>MIST_VAULT_PATH</c> / <c>MIST_KEYRING_SERVICE</c> in the environment or the <c>.env</c> file).
/// </summary>
public sealed class MistCredentialResolverOptions
{
    /// <summary>Explicit values (code or command line); they win over every other source.</summary>
    public MistCredentials? Arguments { get; set; }

    /// <summary>Whether environment variables are read. Default on.</summary>
    public bool UseEnvironment { get; set; } = true;

    /// <summary>The variable lookup; the process environment when null. Also where Vault and keyring settings are looked up first.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; set; }

    /// <summary>Whether a <c>.env</c> file is read. Default on.</summary>
    public bool UseEnvFile { get; set; } = true;

    /// <summary>
    /// The <c>.env</c> file (seed 2's <c>env_file</c>; must exist). When null: <c>MIST_ENV_FILE</c> if set (must exist),
    /// else <c>.env</c> in the current directory if it exists.
    /// </summary>
    public string? EnvFile { get; set; }

    /// <summary>Whether Vault is read when configured. Default on.</summary>
    public bool UseVault { get; set; } = true;

    /// <summary>Where the secret is in Vault; when null, read from <c>MIST_VAULT_*</c> variables (environment, then <c>.env</c>).</summary>
    public VaultCredentialSourceOptions? Vault { get; set; }

    /// <summary>Whether the keyring is read when a service name is configured. Default on.</summary>
    public bool UseKeyring { get; set; } = true;

    /// <summary>The keyring service name (seed 2's <c>keyring_service</c>); when null, <c>MIST_KEYRING_SERVICE</c> (environment, then <c>.env</c>).</summary>
    public string? KeyringService { get; set; }

    /// <summary>The keyring; <see cref="SystemKeyring.Create"/> when null.</summary>
    public IKeyring? Keyring { get; set; }

    /// <summary>Whether missing authentication is asked for at the terminal (only when one is attached). Default on.</summary>
    public bool Interactive { get; set; } = true;

    /// <summary>How to ask; <see cref="ConsoleMistPrompt"/> when null.</summary>
    public IMistPrompt? Prompt { get; set; }

    /// <summary>Whether a missing host is asked for too. Default off (the session falls back to Global 01).</summary>
    public bool PromptForHost { get; set; }

    /// <summary>The fields to resolve. Default all.</summary>
    public MistCredentialFields Fields { get; set; } = MistCredentialFields.All;

    /// <summary>Whether resolving fails unless there is an API token or a user and a password. Default on.</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>Where logs go (sources and keys only, never values); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
