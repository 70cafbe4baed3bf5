using System.CommandLine;
using Conduit.Mist.Credentials;

namespace Conduit.Cli.Commands.Mist;

/// <summary>The options every <c>conduit mist</c> command accepts (declared once on <c>mist</c>, recursive).</summary>
internal sealed record MistCommandOptions(
    Option<string?> Host,
    Option<string?> Token,
    Option<string?> User,
    Option<bool> PasswordStdin,
    Option<string?> TwoFactorCode,
    Option<string?> EnvFile,
    Option<string?> VaultUrl,
    Option<string?> VaultPath,
    Option<string?> VaultMount,
    Option<bool> NoPrompt,
    Option<bool> Json,
    Option<bool> Verbose)
{
    /// <summary>Creates the options.</summary>
    public static MistCommandOptions Create() => new(
        new("--host") { Description = $"The Mist cloud: a name (Global 01 … APAC 03), a host (api.eu.mist.com) or a URL (the sandbox's http://127.0.0.1:5080). Default: {MistCredentialKeys.Host}, the stored login, else Global 01.", Recursive = true },
        new("--token") { Description = $"An API token, or several comma-separated (default: {MistCredentialKeys.ApiToken}, .env, Vault, the stored login). Prefer the environment or 'login': arguments are visible to other users of the machine.", Recursive = true },
        new("--user") { Description = $"The login email for email/password authentication (default: {MistCredentialKeys.User}). The password comes from {MistCredentialKeys.Password}, .env, Vault, the keyring, --password-stdin or a hidden prompt — never an argument.", Recursive = true },
        new("--password-stdin") { Description = "Reads the password from the first line of standard input.", Recursive = true },
        new("--2fa", "--two-factor-code") { Description = "The two-factor code of an email/password login (asked for at the terminal when needed and not given).", Recursive = true },
        new("--env-file") { Description = $"The .env file to read credentials from (default: {MistCredentialKeys.EnvFile}, else ./.env if present).", Recursive = true },
        new("--vault-url") { Description = $"The HashiCorp Vault address (default: {MistCredentialKeys.VaultUrl}, VAULT_ADDR, https://127.0.0.1:8200). The Vault token comes from {MistCredentialKeys.VaultToken} or VAULT_TOKEN.", Recursive = true },
        new("--vault-path") { Description = $"The KV v2 secret holding the credentials, e.g. mist/credentials (default: {MistCredentialKeys.VaultPath}; Vault is not read without one).", Recursive = true },
        new("--vault-mount") { Description = $"The KV v2 mount (default: {MistCredentialKeys.VaultMountPoint}, else 'secret').", Recursive = true },
        new("--no-prompt") { Description = "Never asks at the terminal: missing credentials or codes are an error.", Recursive = true },
        new("--json") { Description = "Prints machine-readable JSON (stable shapes, documented in docs/cli.md).", Recursive = true },
        new("--verbose") { Description = "Adds details to errors: where each credential came from (never its value), the server's answer.", Recursive = true });

    /// <summary>The options, for adding them to the <c>mist</c> command.</summary>
    public IEnumerable<Option> All() =>
        [Host, Token, User, PasswordStdin, TwoFactorCode, EnvFile, VaultUrl, VaultPath, VaultMount, NoPrompt, Json, Verbose];
}
