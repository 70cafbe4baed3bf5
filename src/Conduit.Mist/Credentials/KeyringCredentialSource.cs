namespace Conduit.Mist.Credentials;

/// <summary>
/// Credentials in the system keyring under one service name (seed 2's <c>keyring_service</c>), one item per key:
/// <c>MIST_HOST</c>, <c>MIST_APITOKEN</c> (or <c>MIST_USER</c> and <c>MIST_PASSWORD</c>), <c>MIST_ORG_ID</c>.
/// Also saves and forgets them, so a CLI <c>login</c> can store a token and <c>logout</c> remove it.
/// </summary>
public sealed class KeyringCredentialSource : IMistCredentialSource
{
    /// <summary>The fields looked up by default: host, API tokens, user, password and organisation id.</summary>
    public const MistCredentialFields DefaultFields = MistCredentialFields.Host | MistCredentialFields.Authentication | MistCredentialFields.OrgId;

    private readonly IKeyring _keyring;
    private readonly MistCredentialFields _fields;

    /// <summary>Creates the source.</summary>
    /// <param name="keyring">The keyring, usually <see cref="SystemKeyring.Create"/>.</param>
    /// <param name="service">The service name the items are stored under (<c>MIST_KEYRING_SERVICE</c>).</param>
    /// <param name="fields">The fields looked up (each lookup may start a process); <see cref="DefaultFields"/> by default.</param>
    public KeyringCredentialSource(IKeyring keyring, string service, MistCredentialFields fields = DefaultFields)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        _keyring = keyring;
        _fields = fields & MistCredentialFields.All;
        Service = service;
        Name = $"keyring '{service}' ({keyring.Name})";
    }

    /// <summary>The service name.</summary>
    public string Service { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        var builder = new MistCredentialReadingBuilder(Name);
        foreach (var (field, key) in Lookups(request))
        {
            if (!builder.Contains(field))
            {
                builder.Add(field, key, Translate(() => _keyring.GetPassword(Service, key, cancellationToken), key));
            }
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public async ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        var builder = new MistCredentialReadingBuilder(Name);
        foreach (var (field, key) in Lookups(request))
        {
            if (!builder.Contains(field))
            {
                string? value;
                try
                {
                    value = await _keyring.GetPasswordAsync(Service, key, cancellationToken).ConfigureAwait(false);
                }
                catch (KeyringException ex)
                {
                    throw Wrap(ex, key);
                }

                builder.Add(field, key, value);
            }
        }

        return builder.Build();
    }

    /// <summary>Stores every field that has a value, each under its main key (e.g. tokens as <c>MIST_APITOKEN</c>, comma-separated).</summary>
    /// <param name="credentials">What to store; fields without a value are left as they are.</param>
    /// <param name="cancellationToken">Cancels the remaining writes.</param>
    /// <exception cref="MistCredentialException">The keyring failed or is not available.</exception>
    public void Save(MistCredentials credentials, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in Entries(credentials))
        {
            Translate(() => { _keyring.SetPassword(Service, key, value, cancellationToken); return null; }, key);
        }
    }

    /// <summary>Stores every field that has a value asynchronously; see <see cref="Save"/>.</summary>
    /// <param name="credentials">What to store.</param>
    /// <param name="cancellationToken">Cancels the remaining writes.</param>
    /// <returns>A task that completes when everything is stored.</returns>
    /// <exception cref="MistCredentialException">The keyring failed or is not available.</exception>
    public async ValueTask SaveAsync(MistCredentials credentials, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in Entries(credentials))
        {
            try
            {
                await _keyring.SetPasswordAsync(Service, key, value, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyringException ex)
            {
                throw Wrap(ex, key);
            }
        }
    }

    /// <summary>Removes the items of some fields (every name of each field).</summary>
    /// <param name="fields">The fields to forget, e.g. <see cref="MistCredentialFields.Authentication"/> on logout.</param>
    /// <param name="cancellationToken">Cancels the remaining removals.</param>
    /// <exception cref="MistCredentialException">The keyring failed or is not available.</exception>
    public void Forget(MistCredentialFields fields, CancellationToken cancellationToken = default)
    {
        foreach (var key in MistCredentialKeys.Split(fields).SelectMany(MistCredentialKeys.NamesOf))
        {
            Translate(() => { _keyring.DeletePassword(Service, key, cancellationToken); return null; }, key);
        }
    }

    /// <summary>Removes the items of some fields asynchronously; see <see cref="Forget"/>.</summary>
    /// <param name="fields">The fields to forget.</param>
    /// <param name="cancellationToken">Cancels the remaining removals.</param>
    /// <returns>A task that completes when the items are removed.</returns>
    /// <exception cref="MistCredentialException">The keyring failed or is not available.</exception>
    public async ValueTask ForgetAsync(MistCredentialFields fields, CancellationToken cancellationToken = default)
    {
        foreach (var key in MistCredentialKeys.Split(fields).SelectMany(MistCredentialKeys.NamesOf))
        {
            try
            {
                await _keyring.DeletePasswordAsync(Service, key, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyringException ex)
            {
                throw Wrap(ex, key);
            }
        }
    }

    private IEnumerable<(MistCredentialFields Field, string Key)> Lookups(MistCredentialRequest request) =>
        MistCredentialKeys.Split(request.Missing & _fields)
            .SelectMany(field => MistCredentialKeys.NamesOf(field).Select(key => (field, key)));

    private static IEnumerable<(string Key, string Value)> Entries(MistCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        MistCredentialValueParser.Validate(credentials, "the credentials to save");
        foreach (var field in MistCredentialKeys.Split(credentials.PresentFields))
        {
            if (MistCredentialValueFormatter.Format(credentials, field) is { Length: > 0 } value)
            {
                yield return (MistCredentialKeys.NamesOf(field)[0], value);
            }
        }
    }

    private string? Translate(Func<string?> operation, string key)
    {
        try
        {
            return operation();
        }
        catch (KeyringException ex)
        {
            throw Wrap(ex, key);
        }
    }

    private MistCredentialException Wrap(KeyringException ex, string key) =>
        new($"{key} in {Name}: {ex.Message}", Name, key, ex);
}
