using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conduit.Mist.Credentials;

/// <summary>
/// Merges Mist credentials from sources in precedence order. Each field is resolved on its own: the first source that
/// has it wins, and later sources are asked only for what is still missing (none at all once everything is found).
/// The standard order (<see cref="Create"/>) is arguments &gt; environment &gt; <c>.env</c> file &gt; Vault &gt;
/// keyring &gt; prompt.
/// </summary>
/// <example>
/// <code>
/// var resolution = await MistCredentialResolver.Create(new() { KeyringService = "conduit-mist" }).ResolveAsync();
/// Console.Error.Write(resolution.Describe()); // where each field came from, no values
/// var credentials = resolution.Credentials.WithDefaults();
/// </code>
/// </example>
public sealed class MistCredentialResolver
{
    private readonly IMistCredentialSource[] _sources;
    private readonly ILogger _logger;

    /// <summary>Creates a resolver over sources, the first with the highest precedence.</summary>
    /// <param name="sources">The sources in precedence order.</param>
    /// <param name="logger">Where resolution is logged (sources and keys only); none when null.</param>
    public MistCredentialResolver(IEnumerable<IMistCredentialSource> sources, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        if (_sources.Any(source => source is null))
        {
            throw new ArgumentException("A credential source is null.", nameof(sources));
        }

        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The sources, in precedence order.</summary>
    public IReadOnlyList<IMistCredentialSource> Sources => _sources;

    /// <summary>The fields to resolve. Default all.</summary>
    public MistCredentialFields Fields { get; init; } = MistCredentialFields.All;

    /// <summary>Whether resolving fails unless there is an API token, or a user and a password. Default on.</summary>
    public bool RequireAuthentication { get; init; } = true;

    /// <summary>
    /// Creates the standard chain: arguments &gt; environment &gt; <c>.env</c> file &gt; Vault &gt; keyring &gt; prompt.
    /// Vault and keyring settings are read here from the options, the environment and the <c>.env</c> file.
    /// </summary>
    /// <param name="options">What to use; defaults when null.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="MistCredentialException">The <c>.env</c> file or the Vault settings are invalid.</exception>
    public static MistCredentialResolver Create(MistCredentialResolverOptions? options = null)
    {
        options ??= new MistCredentialResolverOptions();
        var getVariable = options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        var sources = new List<IMistCredentialSource>();
        if (options.Arguments is not null)
        {
            sources.Add(new ArgumentCredentialSource(options.Arguments));
        }

        if (options.UseEnvironment)
        {
            sources.Add(new EnvironmentCredentialSource(getVariable));
        }

        IReadOnlyDictionary<string, string> fileVariables = new Dictionary<string, string>();
        if (options.UseEnvFile)
        {
            var named = options.EnvFile ?? NonBlank(getVariable(MistCredentialKeys.EnvFile));
            var envFile = new DotEnvCredentialSource(named ?? MistCredentialDefaults.EnvFileName, optional: named is null);
            fileVariables = envFile.ReadVariables();
            sources.Add(envFile);
        }

        string? Setting(string name) =>
            (options.UseEnvironment ? NonBlank(getVariable(name)) : null) ?? NonBlank(fileVariables.GetValueOrDefault(name));

        if (options.UseVault && (options.Vault ?? VaultCredentialSourceOptions.FromVariables(Setting)) is { } vault)
        {
            sources.Add(new VaultCredentialSource(vault, options.LoggerFactory));
        }

        if (options.UseKeyring && (options.KeyringService ?? Setting(MistCredentialKeys.KeyringService)) is { } service)
        {
            sources.Add(new KeyringCredentialSource(options.Keyring ?? SystemKeyring.Create(), service));
        }

        if (options.Interactive)
        {
            sources.Add(new PromptCredentialSource(options.Prompt ?? new ConsoleMistPrompt(), options.PromptForHost));
        }

        return new MistCredentialResolver(sources, options.LoggerFactory?.CreateLogger<MistCredentialResolver>())
        {
            Fields = options.Fields,
            RequireAuthentication = options.RequireAuthentication,
        };
    }

    /// <summary>Resolves the credentials.</summary>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The merged credentials and where each field came from.</returns>
    /// <exception cref="MistCredentialException">A value is malformed, a source failed, or authentication is required and missing.</exception>
    public MistCredentialResolution Resolve(CancellationToken cancellationToken = default) =>
        ResolveCore(async: false, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Resolves the credentials asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The merged credentials and where each field came from.</returns>
    /// <exception cref="MistCredentialException">A value is malformed, a source failed, or authentication is required and missing.</exception>
    public ValueTask<MistCredentialResolution> ResolveAsync(CancellationToken cancellationToken = default) =>
        ResolveCore(async: true, cancellationToken);

    private async ValueTask<MistCredentialResolution> ResolveCore(bool async, CancellationToken cancellationToken)
    {
        var missing = Fields & MistCredentialFields.All;
        var merged = MistCredentials.Empty;
        var origins = new Dictionary<MistCredentialFields, MistCredentialOrigin>();
        var consulted = 0;
        foreach (var source in _sources)
        {
            if (missing == MistCredentialFields.None)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            MistCredentialLog.ReadingSource(_logger, source.Name, missing);
            var request = new MistCredentialRequest(missing, merged.PresentFields);
            MistCredentialReading reading;
            try
            {
                reading = async
                    ? await source.ReadAsync(request, cancellationToken).ConfigureAwait(false)
                    : source.Read(request, cancellationToken);
            }
            catch (MistCredentialException ex)
            {
                MistCredentialLog.SourceFailed(_logger, source.Name, ex.Message);
                throw;
            }

            consulted++;
            foreach (var field in MistCredentialKeys.Split(missing & reading.Credentials.PresentFields))
            {
                merged = MistCredentialFieldAccess.Copy(merged, reading.Credentials, field);
                var origin = new MistCredentialOrigin(source.Name, reading.KeyOf(field));
                origins[field] = origin;
                missing &= ~field;
                MistCredentialLog.FieldResolved(_logger, field, origin.Source, origin.Key);
            }
        }

        if (RequireAuthentication && (Fields & MistCredentialFields.Authentication) != 0 && !merged.CanAuthenticate)
        {
            throw MissingAuthentication(merged, origins);
        }

        MistCredentialLog.Resolved(_logger, merged.PresentFields, consulted);
        return new MistCredentialResolution(merged, origins, [.. _sources.Select(source => source.Name)]);
    }

    private MistCredentialException MissingAuthentication(MistCredentials merged, Dictionary<MistCredentialFields, MistCredentialOrigin> origins)
    {
        var searched = _sources.Length == 0 ? "no source was configured" : "looked in " + string.Join(", ", _sources.Select(source => source.Name));
        var promptNote = _sources.OfType<PromptCredentialSource>().Any(prompt => !prompt.IsInteractive)
            ? " No terminal is attached, so they could not be asked for."
            : string.Empty;
        var (key, message) = (merged.User, merged.Password) switch
        {
            (not null, null) => (MistCredentialKeys.Password, $"{MistCredentialKeys.Password} is missing: {MistCredentialKeys.User} came from {origins[MistCredentialFields.User]} but no source has a password ({searched})."),
            (null, not null) => (MistCredentialKeys.User, $"{MistCredentialKeys.User} is missing: {MistCredentialKeys.Password} came from {origins[MistCredentialFields.Password]} but no source has a login ({searched})."),
            _ => (MistCredentialKeys.ApiToken, $"No Mist credentials were found: set {MistCredentialKeys.ApiToken} (or {MistCredentialKeys.User} and {MistCredentialKeys.Password}); {searched}."),
        };
        return new MistCredentialException(message + promptNote, null, key);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
