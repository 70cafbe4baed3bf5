using Conduit.Mist.Credentials;

namespace Conduit.Cli.Commands.Mist.Login;

/// <summary>
/// The login remembered by <c>conduit mist login</c>, as a credential source at the keyring's place in the standard
/// precedence (after arguments, environment, <c>.env</c> file and Vault; before the prompt): the host and user from the
/// login file, the API token or password from the keyring (or, for a token without a keyring, from the file).
/// </summary>
internal sealed class StoredLoginCredentialSource(StoredMistLogin login, string filePath, KeyringCredentialSource keyring) : IMistCredentialSource
{
    /// <inheritdoc />
    public string Name => login.Storage == MistSecretStorage.Keyring
        ? $"stored login ({filePath}; secret in {keyring.Name})"
        : $"stored login ({filePath})";

    /// <summary>The login this source reads.</summary>
    public StoredMistLogin Login => login;

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        Merge(request, login.Storage == MistSecretStorage.Keyring && NeedsSecret(request) ? keyring.Read(SecretRequest(request), cancellationToken) : null);

    /// <inheritdoc />
    public async ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        Merge(request, login.Storage == MistSecretStorage.Keyring && NeedsSecret(request)
            ? await keyring.ReadAsync(SecretRequest(request), cancellationToken).ConfigureAwait(false)
            : null);

    private MistCredentialFields SecretField => login.Kind == MistLoginKind.ApiToken ? MistCredentialFields.ApiTokens : MistCredentialFields.Password;

    private bool NeedsSecret(MistCredentialRequest request) => (request.Missing & SecretField) != 0;

    private MistCredentialRequest SecretRequest(MistCredentialRequest request) => request with { Missing = SecretField };

    private MistCredentialReading Merge(MistCredentialRequest request, MistCredentialReading? secret)
    {
        var keys = new Dictionary<MistCredentialFields, string>();
        var found = MistCredentials.Empty;
        if ((request.Missing & MistCredentialFields.Host) != 0)
        {
            found = found with { Host = login.Host };
            keys[MistCredentialFields.Host] = "host";
        }

        if (login.Kind == MistLoginKind.Login && login.User is { Length: > 0 } user && (request.Missing & MistCredentialFields.User) != 0)
        {
            found = found with { User = user };
            keys[MistCredentialFields.User] = "user";
        }

        if (login.Kind == MistLoginKind.ApiToken && login.Storage == MistSecretStorage.File && login.ApiToken is { Length: > 0 } text
            && (request.Missing & MistCredentialFields.ApiTokens) != 0)
        {
            found = found with { ApiTokens = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
            keys[MistCredentialFields.ApiTokens] = "api_token";
        }

        if (secret is not null)
        {
            if (secret.Credentials.ApiTokens is { Count: > 0 } tokens)
            {
                found = found with { ApiTokens = tokens };
                keys[MistCredentialFields.ApiTokens] = secret.KeyOf(MistCredentialFields.ApiTokens);
            }

            if (secret.Credentials.Password is { } password)
            {
                found = found with { Password = password };
                keys[MistCredentialFields.Password] = secret.KeyOf(MistCredentialFields.Password);
            }
        }

        return new MistCredentialReading(found, keys);
    }
}
