namespace Conduit.Mist.Credentials;

/// <summary>
/// Where the Mist credentials live in HashiCorp Vault: a KV version 2 secret at <see cref="MountPoint"/> /
/// <see cref="Path"/>, read over Vault's HTTP API with <see cref="Token"/>. The secret's fields use the environment
/// names (<c>MIST_HOST</c>, <c>MIST_APITOKEN</c>, …; see <see cref="MistCredentialKeys"/>).
/// </summary>
public sealed class VaultCredentialSourceOptions
{
    /// <summary>The Vault address (<c>MIST_VAULT_URL</c>, else <c>VAULT_ADDR</c>). Default <c>https://127.0.0.1:8200</c>.</summary>
    public Uri Address { get; set; } = MistCredentialDefaults.VaultAddress;

    /// <summary>The Vault token (<c>MIST_VAULT_TOKEN</c>, else <c>VAULT_TOKEN</c>), sent as <c>X-Vault-Token</c>. Secret.</summary>
    public string? Token { get; set; }

    /// <summary>The KV v2 mount (<c>MIST_VAULT_MOUNT_POINT</c>). Default <c>secret</c>.</summary>
    public string MountPoint { get; set; } = MistCredentialDefaults.VaultMountPoint;

    /// <summary>
    /// The secret's path under the mount (<c>MIST_VAULT_PATH</c>), e.g. <c>mist/credentials</c>. The API form
    /// <c>secret/data/mist/credentials</c> (mount and <c>data/</c> included) is accepted too.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The Vault Enterprise namespace (<c>VAULT_NAMESPACE</c>), sent as <c>X-Vault-Namespace</c>; none by default.</summary>
    public string? Namespace { get; set; }

    /// <summary>A specific version of the secret; the latest when <see langword="null"/> (default).</summary>
    public int? Version { get; set; }

    /// <summary>The timeout of one request to Vault. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a failed attempt (connection failure, 5xx). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Whether Vault's TLS certificate is verified. Default on.</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>
    /// Reads the options from variables: <c>MIST_VAULT_URL</c>, <c>MIST_VAULT_PATH</c>, <c>MIST_VAULT_MOUNT_POINT</c>,
    /// <c>MIST_VAULT_TOKEN</c> (with Vault's own <c>VAULT_ADDR</c>, <c>VAULT_TOKEN</c> and <c>VAULT_NAMESPACE</c> as
    /// fallbacks).
    /// </summary>
    /// <param name="getVariable">A variable lookup, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <returns>The options, or <see langword="null"/> when no <c>MIST_VAULT_PATH</c> is set (Vault is not used).</returns>
    /// <exception cref="MistCredentialException">The Vault URL is not an http(s) URL.</exception>
    public static VaultCredentialSourceOptions? FromVariables(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name) => getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var path = Get(MistCredentialKeys.VaultPath);
        if (path is null)
        {
            return null;
        }

        var options = new VaultCredentialSourceOptions
        {
            Path = path,
            Token = Get(MistCredentialKeys.VaultToken) ?? Get("VAULT_TOKEN"),
            MountPoint = Get(MistCredentialKeys.VaultMountPoint) ?? MistCredentialDefaults.VaultMountPoint,
            Namespace = Get("VAULT_NAMESPACE"),
        };
        if ((Get(MistCredentialKeys.VaultUrl) ?? Get("VAULT_ADDR")) is { } address)
        {
            options.Address = Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new MistCredentialException($"{MistCredentialKeys.VaultUrl} is not an http(s) URL: '{address}'.", "Vault settings", MistCredentialKeys.VaultUrl);
        }

        return options;
    }

    /// <summary>Returns every problem with these options; empty when they are valid.</summary>
    /// <returns>The problems, each naming the option.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Address is null || !Address.IsAbsoluteUri || (Address.Scheme != Uri.UriSchemeHttp && Address.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{nameof(Address)} must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            problems.Add($"{nameof(Token)} is required (set {MistCredentialKeys.VaultToken}).");
        }

        if (string.IsNullOrWhiteSpace(MountPoint) || MountPoint.Trim('/').Length == 0)
        {
            problems.Add($"{nameof(MountPoint)} is required.");
        }

        if (string.IsNullOrWhiteSpace(Path) || Path.Trim('/').Length == 0)
        {
            problems.Add($"{nameof(Path)} is required (set {MistCredentialKeys.VaultPath}).");
        }

        if (Version is < 0)
        {
            problems.Add($"{nameof(Version)} must not be negative.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{nameof(Timeout)} must be positive.");
        }

        if (MaxRetries < 0)
        {
            problems.Add($"{nameof(MaxRetries)} must not be negative.");
        }

        return problems;
    }

    internal VaultCredentialSourceOptions Clone() => (VaultCredentialSourceOptions)MemberwiseClone();
}
