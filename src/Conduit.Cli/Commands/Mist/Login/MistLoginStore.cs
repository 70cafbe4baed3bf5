using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conduit.Mist.Credentials;

namespace Conduit.Cli.Commands.Mist.Login;

/// <summary>
/// Keeps the login of <c>conduit mist login</c>: a small file (<c>mist-login.json</c>, mode 0600) in the CLI's
/// configuration folder names the cloud, the kind of login and where its secret is. The secret goes to the system
/// keyring when one works (service <c>conduit-mist</c>, items <c>MIST_APITOKEN</c> / <c>MIST_PASSWORD</c>, as
/// <see cref="KeyringCredentialSource"/> and Python's <c>keyring</c> see them); otherwise an API token goes into the
/// private file and a password is not stored at all.
/// </summary>
internal sealed class MistLoginStore(string directory, Func<IKeyring> keyring, string keyringService, TimeProvider timeProvider)
{
    /// <summary>The file's name in the configuration folder.</summary>
    public const string FileName = "mist-login.json";

    /// <summary>The login file.</summary>
    public string FilePath { get; } = Path.Combine(directory, FileName);

    /// <summary>The keyring service the secrets are stored under.</summary>
    public string KeyringService => keyringService;

    /// <summary>The stored login, or null when there is none.</summary>
    /// <exception cref="MistCredentialException">The file is unreadable.</exception>
    public StoredMistLogin? Load()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(FilePath)) is not JsonObject o
                || (string?)o["host"] is not { Length: > 0 } host
                || !Enum.TryParse<MistLoginKind>((string?)o["kind"], ignoreCase: true, out var kind)
                || !Enum.TryParse<MistSecretStorage>((string?)o["secret_storage"], ignoreCase: true, out var storage))
            {
                throw Unreadable(null);
            }

            return new StoredMistLogin(
                host,
                kind,
                (string?)o["user"],
                storage,
                (string?)o["keyring_service"],
                (string?)o["api_token"],
                DateTimeOffset.TryParse((string?)o["saved_at"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var saved) ? saved : DateTimeOffset.MinValue);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw Unreadable(ex);
        }
    }

    /// <summary>Stores API tokens for a cloud: in the keyring when it works, else in the private file.</summary>
    /// <returns>The stored login, and why the keyring was not used (null when it was).</returns>
    public async Task<(StoredMistLogin Login, string? KeyringProblem)> SaveTokenAsync(string host, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var problem = await TrySaveInKeyringAsync(new MistCredentials { ApiTokens = tokens }, cancellationToken).ConfigureAwait(false);
        var login = problem is null
            ? new StoredMistLogin(host, MistLoginKind.ApiToken, null, MistSecretStorage.Keyring, keyringService, null, timeProvider.GetUtcNow())
            : new StoredMistLogin(host, MistLoginKind.ApiToken, null, MistSecretStorage.File, null, string.Join(',', tokens), timeProvider.GetUtcNow());
        Write(login);
        return (login, problem);
    }

    /// <summary>Stores an email login: the password only in the keyring (never in a file).</summary>
    /// <returns>The stored login, and why the keyring was not used (null when it was).</returns>
    public async Task<(StoredMistLogin Login, string? KeyringProblem)> SaveLoginAsync(string host, string user, string password, CancellationToken cancellationToken)
    {
        var problem = await TrySaveInKeyringAsync(new MistCredentials { Password = password }, cancellationToken).ConfigureAwait(false);
        var login = new StoredMistLogin(
            host, MistLoginKind.Login, user, problem is null ? MistSecretStorage.Keyring : MistSecretStorage.None,
            problem is null ? keyringService : null, null, timeProvider.GetUtcNow());
        Write(login);
        return (login, problem);
    }

    /// <summary>Forgets the stored login: its keyring items, then the file.</summary>
    /// <returns>What was forgotten, or null when nothing was stored.</returns>
    /// <exception cref="MistCredentialException">The keyring refused to delete the items (the file is kept).</exception>
    public async Task<StoredMistLogin?> ForgetAsync(CancellationToken cancellationToken)
    {
        StoredMistLogin? login;
        try
        {
            login = Load();
        }
        catch (MistCredentialException)
        {
            // An unreadable file is forgotten all the same.
            File.Delete(FilePath);
            return null;
        }

        if (login is null)
        {
            return null;
        }

        if (login.Storage == MistSecretStorage.Keyring)
        {
            await Keyring(login).ForgetAsync(MistCredentialFields.Authentication, cancellationToken).ConfigureAwait(false);
        }

        File.Delete(FilePath);
        return login;
    }

    /// <summary>The credential source that reads a stored login (host and user from the file, the secret from where it is).</summary>
    public IMistCredentialSource CreateSource(StoredMistLogin login) => new StoredLoginCredentialSource(login, FilePath, Keyring(login));

    private KeyringCredentialSource Keyring(StoredMistLogin login) =>
        new(keyring(), login.KeyringService ?? keyringService, MistCredentialFields.Authentication);

    private async Task<string?> TrySaveInKeyringAsync(MistCredentials secret, CancellationToken cancellationToken)
    {
        try
        {
            var source = new KeyringCredentialSource(keyring(), keyringService, MistCredentialFields.Authentication);
            await source.ForgetAsync(MistCredentialFields.Authentication, cancellationToken).ConfigureAwait(false);
            await source.SaveAsync(secret, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (MistCredentialException ex)
        {
            return (ex.InnerException as KeyringException)?.Message ?? ex.Message;
        }
    }

    private void Write(StoredMistLogin login)
    {
        var json = new JsonObject
        {
            ["host"] = login.Host,
            ["kind"] = login.Kind.ToString(),
            ["user"] = login.User,
            ["secret_storage"] = login.Storage.ToString(),
            ["keyring_service"] = login.KeyringService,
            ["api_token"] = login.ApiToken,
            ["saved_at"] = login.SavedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        PrivateFile.Write(FilePath, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteTo(writer);
        });
    }

    private MistCredentialException Unreadable(Exception? inner) =>
        new($"The stored Mist login {FilePath} is unreadable; run 'conduit mist logout' (or delete the file) and log in again.", "stored login", null, inner);
}
