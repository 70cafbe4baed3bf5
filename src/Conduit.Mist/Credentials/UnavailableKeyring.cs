namespace Conduit.Mist.Credentials;

/// <summary>Stands in when this machine has no usable keyring: every call throws <see cref="KeyringUnavailableException"/> with the reason.</summary>
public sealed class UnavailableKeyring : IKeyring
{
    /// <summary>Creates the placeholder.</summary>
    /// <param name="reason">Why there is no keyring and how to get one, e.g. which package to install.</param>
    public UnavailableKeyring(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    /// <summary>Why there is no keyring.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public string Name => "no keyring";

    /// <inheritdoc />
    public string? GetPassword(string service, string account, CancellationToken cancellationToken = default) => throw Unavailable();

    /// <inheritdoc />
    public ValueTask<string?> GetPasswordAsync(string service, string account, CancellationToken cancellationToken = default) => throw Unavailable();

    /// <inheritdoc />
    public void SetPassword(string service, string account, string secret, CancellationToken cancellationToken = default) => throw Unavailable();

    /// <inheritdoc />
    public ValueTask SetPasswordAsync(string service, string account, string secret, CancellationToken cancellationToken = default) => throw Unavailable();

    /// <inheritdoc />
    public void DeletePassword(string service, string account, CancellationToken cancellationToken = default) => throw Unavailable();

    /// <inheritdoc />
    public ValueTask DeletePasswordAsync(string service, string account, CancellationToken cancellationToken = default) => throw Unavailable();

    private KeyringUnavailableException Unavailable() => new(Reason);
}
