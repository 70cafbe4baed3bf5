namespace Conduit.Mist.Credentials;

/// <summary>
/// The operating system's secret store: the Secret Service on Linux (through <c>secret-tool</c>), the macOS keychain
/// (through <c>security</c>), or the Windows Credential Manager. A secret is addressed by a service name and an
/// account (here a key such as <c>MIST_APITOKEN</c>), like Python's <c>keyring</c> package, so both see the same items.
/// <see cref="SystemKeyring.Create"/> picks the one for this machine.
/// </summary>
public interface IKeyring
{
    /// <summary>A display name, e.g. <c>Secret Service (secret-tool)</c>.</summary>
    string Name { get; }

    /// <summary>Reads a secret.</summary>
    /// <param name="service">The service name, e.g. <c>conduit-mist</c>.</param>
    /// <param name="account">The account, e.g. <c>MIST_APITOKEN</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The secret, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="KeyringException">The keyring failed, or is not available here (<see cref="KeyringUnavailableException"/>).</exception>
    string? GetPassword(string service, string account, CancellationToken cancellationToken = default);

    /// <summary>Reads a secret asynchronously.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The secret, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="KeyringException">The keyring failed, or is not available here.</exception>
    ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default);

    /// <summary>Stores a secret, replacing any previous one.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="account">The account.</param>
    /// <param name="secret">The secret; it is never passed on a command line.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="KeyringException">The keyring failed, or is not available here.</exception>
    void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default);

    /// <summary>Stores a secret asynchronously, replacing any previous one.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="account">The account.</param>
    /// <param name="secret">The secret; it is never passed on a command line.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the secret is stored.</returns>
    /// <exception cref="KeyringException">The keyring failed, or is not available here.</exception>
    ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default);

    /// <summary>Removes a secret; nothing happens when there is none.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <exception cref="KeyringException">The keyring failed, or is not available here.</exception>
    void DeletePassword(string service, string account, CancellationToken cancellationToken = default);

    /// <summary>Removes a secret asynchronously; nothing happens when there is none.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the secret is removed.</returns>
    /// <exception cref="KeyringException">The keyring failed, or is not available here.</exception>
    ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default);
}
