namespace Conduit.Mist.Credentials;

/// <summary>
/// The freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC…) through the <c>secret-tool</c> command of
/// libsecret. Items carry the attributes <c>service</c> and <c>username</c>, as Python's <c>keyring</c> stores them,
/// so secrets saved by either are found by both. Secrets are written through standard input, never as arguments.
/// </summary>
public sealed class SecretServiceKeyring : IKeyring
{
    private readonly SecretServiceKeyringOptions _options;
    private readonly Dictionary<string, string?> _environment;
    private readonly KeyringCommandRunner _runner;

    /// <summary>Creates the keyring.</summary>
    /// <param name="options">How to run <c>secret-tool</c>; copied. Defaults when null.</param>
    public SecretServiceKeyring(SecretServiceKeyringOptions? options = null)
        : this(options, KeyringCommandRunner.Default)
    {
    }

    internal SecretServiceKeyring(SecretServiceKeyringOptions? options, KeyringCommandRunner runner)
    {
        _options = options ?? new SecretServiceKeyringOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.ExecutablePath);
        _environment = new Dictionary<string, string?>(_options.Environment, StringComparer.Ordinal);
        _runner = runner;
    }

    /// <inheritdoc />
    public string Name => "Secret Service (secret-tool)";

    /// <inheritdoc />
    public string? GetPassword(string service, string account, CancellationToken cancellationToken = default) =>
        ReadLookup(_runner.Run(Lookup(service, account), cancellationToken), account);

    /// <inheritdoc />
    public async ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        ReadLookup(await _runner.RunAsync(Lookup(service, account), cancellationToken).ConfigureAwait(false), account);

    /// <inheritdoc />
    public void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default) =>
        EnsureSuccess(_runner.Run(Store(service, account, secret), cancellationToken), "store", account);

    /// <inheritdoc />
    public async ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default) =>
        EnsureSuccess(await _runner.RunAsync(Store(service, account, secret), cancellationToken).ConfigureAwait(false), "store", account);

    /// <inheritdoc />
    public void DeletePassword(string service, string account, CancellationToken cancellationToken = default) =>
        EnsureCleared(_runner.Run(Clear(service, account), cancellationToken), account);

    /// <inheritdoc />
    public async ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default) =>
        EnsureCleared(await _runner.RunAsync(Clear(service, account), cancellationToken).ConfigureAwait(false), account);

    private KeyringCommand Lookup(string service, string account) =>
        Command(["lookup", "service", Check(service), "username", Check(account)], null);

    private KeyringCommand Store(string service, string account, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Command(["store", "--label", $"Password for '{Check(account)}' on '{Check(service)}'", "service", service, "username", account], secret);
    }

    private KeyringCommand Clear(string service, string account) =>
        Command(["clear", "service", Check(service), "username", Check(account)], null);

    private KeyringCommand Command(string[] arguments, string? input) =>
        new(_options.ExecutablePath, arguments, input, _environment, _options.Timeout);

    private string? ReadLookup(KeyringCommandResult result, string account) => result switch
    {
        { ExitCode: 0 } => result.StandardOutput,
        { ExitCode: 1, StandardError.Length: 0 } => null, // not found
        _ => throw Failed(result, "lookup", account),
    };

    private void EnsureSuccess(KeyringCommandResult result, string operation, string account)
    {
        if (result.ExitCode != 0)
        {
            throw Failed(result, operation, account);
        }
    }

    private void EnsureCleared(KeyringCommandResult result, string account)
    {
        // secret-tool clear exits 1 with no message when nothing matched.
        if (result.ExitCode != 0 && result.StandardError.Length > 0)
        {
            throw Failed(result, "clear", account);
        }
    }

    private KeyringException Failed(KeyringCommandResult result, string operation, string account) =>
        new($"{Name}: '{operation}' of '{account}' failed (exit code {result.ExitCode})"
            + (result.StandardError.Length > 0 ? $": {result.StandardError}" : ".")
            + (result.StandardError.Contains("D-Bus", StringComparison.OrdinalIgnoreCase) || result.StandardError.Contains("dbus", StringComparison.OrdinalIgnoreCase)
                ? " Is a D-Bus session running (DBUS_SESSION_BUS_ADDRESS) with an unlocked keyring?"
                : string.Empty));

    private static string Check(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
