using System.Text;

namespace Conduit.Mist.Credentials;

/// <summary>
/// The macOS keychain through the <c>security</c> command (generic passwords, service and account as Python's
/// <c>keyring</c> uses them). The secret is written through <c>security -i</c>'s standard input, never as an argument.
/// </summary>
public sealed class MacKeychainKeyring : IKeyring
{
    private const int ItemNotFound = 44;
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly string _executablePath;
    private readonly TimeSpan _timeout;
    private readonly KeyringCommandRunner _runner;

    /// <summary>Creates the keyring.</summary>
    /// <param name="executablePath">The <c>security</c> executable. Default <c>/usr/bin/security</c>.</param>
    /// <param name="timeout">How long one run may take. Default 15 s.</param>
    public MacKeychainKeyring(string executablePath = "/usr/bin/security", TimeSpan? timeout = null)
        : this(executablePath, timeout, KeyringCommandRunner.Default)
    {
    }

    internal MacKeychainKeyring(string executablePath, TimeSpan? timeout, KeyringCommandRunner runner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executablePath);
        _executablePath = executablePath;
        _timeout = timeout ?? TimeSpan.FromSeconds(15);
        _runner = runner;
    }

    /// <inheritdoc />
    public string Name => "macOS keychain (security)";

    /// <inheritdoc />
    public string? GetPassword(string service, string account, CancellationToken cancellationToken = default) =>
        ReadFind(_runner.Run(Find(service, account), cancellationToken), account);

    /// <inheritdoc />
    public async ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        ReadFind(await _runner.RunAsync(Find(service, account), cancellationToken).ConfigureAwait(false), account);

    /// <inheritdoc />
    public void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default) =>
        Ensure(_runner.Run(Add(service, account, secret), cancellationToken), "add", account, allowNotFound: false);

    /// <inheritdoc />
    public async ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default) =>
        Ensure(await _runner.RunAsync(Add(service, account, secret), cancellationToken).ConfigureAwait(false), "add", account, allowNotFound: false);

    /// <inheritdoc />
    public void DeletePassword(string service, string account, CancellationToken cancellationToken = default) =>
        Ensure(_runner.Run(Delete(service, account), cancellationToken), "delete", account, allowNotFound: true);

    /// <inheritdoc />
    public async ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        Ensure(await _runner.RunAsync(Delete(service, account), cancellationToken).ConfigureAwait(false), "delete", account, allowNotFound: true);

    /// <summary>Quotes a word for <c>security -i</c>'s command line.</summary>
    internal static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    private KeyringCommand Find(string service, string account) =>
        new(_executablePath, ["find-generic-password", "-s", Check(service), "-a", Check(account), "-w"], null, NoEnvironment, _timeout);

    private KeyringCommand Add(string service, string account, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (secret.Contains('\n', StringComparison.Ordinal) || secret.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("The macOS keychain tool cannot store a secret that contains a line break.", nameof(secret));
        }

        var line = $"add-generic-password -U -s {Quote(Check(service))} -a {Quote(Check(account))} -w {Quote(secret)}\n";
        return new(_executablePath, ["-i"], line, NoEnvironment, _timeout);
    }

    private KeyringCommand Delete(string service, string account) =>
        new(_executablePath, ["delete-generic-password", "-s", Check(service), "-a", Check(account)], null, NoEnvironment, _timeout);

    private string? ReadFind(KeyringCommandResult result, string account) => result.ExitCode switch
    {
        0 => result.StandardOutput,
        ItemNotFound => null,
        _ => throw Failed(result, "find", account),
    };

    private void Ensure(KeyringCommandResult result, string operation, string account, bool allowNotFound)
    {
        if (result.ExitCode != 0 && !(allowNotFound && result.ExitCode == ItemNotFound))
        {
            throw Failed(result, operation, account);
        }
    }

    // 'security -i' may echo the command it read (secret included), so its error output is dropped for 'add'.
    private KeyringException Failed(KeyringCommandResult result, string operation, string account) =>
        new($"{Name}: '{operation}' of '{account}' failed (exit code {result.ExitCode})"
            + (result.StandardError.Length > 0 && operation != "add" ? $": {result.StandardError}" : "."));

    private static string Check(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
