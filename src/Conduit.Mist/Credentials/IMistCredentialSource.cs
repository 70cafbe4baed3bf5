namespace Conduit.Mist.Credentials;

/// <summary>
/// One place Mist credentials can come from: arguments, the environment, a <c>.env</c> file, Vault, the keyring, a
/// prompt — or your own. <see cref="MistCredentialResolver"/> asks the sources in order for the fields still missing.
/// </summary>
/// <remarks>
/// A source returns only what it has; a field it does not have is simply absent. It throws
/// <see cref="MistCredentialException"/> when a value it has is malformed or when it cannot be read at all (a file
/// that is not valid, a Vault that refuses the token…), naming itself and the key but never a secret value.
/// </remarks>
public interface IMistCredentialSource
{
    /// <summary>A display name for messages and diagnostics, e.g. <c>environment</c> or <c>.env file '/app/.env'</c>.</summary>
    string Name { get; }

    /// <summary>Reads the requested fields this source has.</summary>
    /// <param name="request">Which fields are missing and which are already known.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The fields found (a subset of <see cref="MistCredentialRequest.Missing"/>) and the key each came from.</returns>
    /// <exception cref="MistCredentialException">A value is malformed or the source cannot be read.</exception>
    MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the requested fields this source has, asynchronously.</summary>
    /// <param name="request">Which fields are missing and which are already known.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The fields found (a subset of <see cref="MistCredentialRequest.Missing"/>) and the key each came from.</returns>
    /// <exception cref="MistCredentialException">A value is malformed or the source cannot be read.</exception>
    ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default);
}
