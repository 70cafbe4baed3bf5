namespace Conduit.Mist.Credentials;

/// <summary>
/// The last resort: asks at the terminal for what authentication still needs — an API token, or (when it is left
/// empty) a login and a password, the password hidden — and, if enabled, the host. Asks nothing when authentication
/// is already resolved or no terminal is attached (the resolver then reports what is missing).
/// </summary>
public sealed class PromptCredentialSource : IMistCredentialSource
{
    /// <summary>The question for an API token.</summary>
    public const string ApiTokenLabel = "Mist API token (leave empty to log in with e-mail and password)";

    /// <summary>The question for the login.</summary>
    public const string UserLabel = "Login (e-mail)";

    /// <summary>The question for the password.</summary>
    public const string PasswordLabel = "Password";

    /// <summary>The question for the host.</summary>
    public const string HostLabel = "Mist host (e.g. api.mist.com, api.eu.mist.com)";

    private readonly IMistPrompt _prompt;
    private readonly bool _askHost;

    /// <summary>Creates the source.</summary>
    /// <param name="prompt">How to ask; usually <see cref="ConsoleMistPrompt"/>.</param>
    /// <param name="askHost">Whether a missing host is asked for too (otherwise the session's default cloud is used).</param>
    public PromptCredentialSource(IMistPrompt prompt, bool askHost = false)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _prompt = prompt;
        _askHost = askHost;
    }

    /// <inheritdoc />
    public string Name => "prompt";

    /// <summary>Whether a terminal is attached, so this source can ask.</summary>
    public bool IsInteractive => _prompt.IsInteractive;

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ReadCore(request, async: false, cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc />
    public ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ReadCore(request, async: true, cancellationToken);

    private async ValueTask<MistCredentialReading> ReadCore(MistCredentialRequest request, bool async, CancellationToken cancellationToken)
    {
        var builder = new MistCredentialReadingBuilder(Name);
        if (!_prompt.IsInteractive)
        {
            return builder.Build();
        }

        async ValueTask<bool> Ask(MistCredentialFields field, string key, string label, bool secret)
        {
            if ((request.Missing & field) == 0)
            {
                return false;
            }

            var answer = async
                ? await _prompt.PromptAsync(label, secret, cancellationToken).ConfigureAwait(false)
                : _prompt.Prompt(label, secret, cancellationToken);
            return builder.Add(field, key, answer);
        }

        if (_askHost)
        {
            await Ask(MistCredentialFields.Host, MistCredentialKeys.Host, HostLabel, secret: false).ConfigureAwait(false);
        }

        if (request.IsAuthenticationResolved)
        {
            return builder.Build();
        }

        var hasUser = (request.Resolved & MistCredentialFields.User) != 0;
        var hasPassword = (request.Resolved & MistCredentialFields.Password) != 0;
        if (!hasUser && !hasPassword && await Ask(MistCredentialFields.ApiTokens, MistCredentialKeys.ApiToken, ApiTokenLabel, secret: true).ConfigureAwait(false))
        {
            return builder.Build();
        }

        if (!hasUser)
        {
            await Ask(MistCredentialFields.User, MistCredentialKeys.User, UserLabel, secret: false).ConfigureAwait(false);
        }

        if (!hasPassword)
        {
            await Ask(MistCredentialFields.Password, MistCredentialKeys.Password, PasswordLabel, secret: true).ConfigureAwait(false);
        }

        return builder.Build();
    }
}
