using System.CommandLine;
using Conduit.Cli.Commands.Auth;
using Conduit.Cli.Commands.Mist.Login;
using Conduit.Http.Redaction;
using Conduit.Mist.Clouds;
using Conduit.Mist.Credentials;
using Conduit.Mist.Sessions;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// One run of a <c>conduit mist</c> command: its output, the credentials resolved from the Mist library's sources (in
/// their documented precedence, with the stored login at the keyring's place), and the session started with them.
/// Every secret met on the way is registered with <see cref="Redactor"/>, so no message can echo it.
/// </summary>
internal sealed class MistCommandContext
{
    private readonly MistCommandOptions options;
    private MistCloud? hostOverride;
    private bool hostParsed;

    public MistCommandContext(ParseResult result, MistCommandOptions options, MistCliEnvironment environment)
    {
        this.options = options;
        Result = result;
        Environment = environment;
        Io = new CommandIo(environment.ResolveConsole(), environment.Input ?? Console.In, result.GetValue(options.Json), result.GetValue(options.PasswordStdin), result.GetValue(options.Verbose));
        Store = new MistLoginStore(environment.ConfigDirectory(), () => environment.Keyring, MistCliEnvironment.DefaultKeyringService, environment.TimeProvider);
        Redactor = new SecretRedactor(new RedactionOptions());
        foreach (var token in (result.GetValue(options.Token) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries).Prepend(result.GetValue(options.Token)))
        {
            Redactor.AddSecret(token);
        }
    }

    public ParseResult Result { get; }

    public MistCliEnvironment Environment { get; }

    public CommandIo Io { get; }

    public MistLoginStore Store { get; }

    /// <summary>Masks every secret this run has seen (tokens, passwords) in text about to be shown.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The last resolution (for <c>--verbose</c> details); null before credentials are resolved.</summary>
    public MistCredentialResolution? Resolution { get; private set; }

    /// <summary>Whether someone may be asked at the terminal.</summary>
    public bool MayPrompt => !Result.GetValue(options.NoPrompt);

    /// <summary>The cloud named by <c>--host</c>, or null.</summary>
    /// <exception cref="CommandInputException">The text is not a cloud name, host or URL.</exception>
    public MistCloud? HostOverride
    {
        get
        {
            if (!hostParsed)
            {
                var text = Result.GetValue(options.Host);
                hostOverride = text is null ? null
                    : MistCloud.TryParse(text, out var cloud) ? cloud
                    : throw new CommandInputException($"--host '{text}' is neither a Mist cloud name ({string.Join(", ", MistCloud.All.Select(c => c.Name))}) nor a host or http(s) URL.");
                hostParsed = true;
            }

            return hostOverride;
        }
    }

    /// <summary>
    /// Resolves the credentials: arguments &gt; environment &gt; .env file &gt; Vault &gt; keyring (<c>MIST_KEYRING_SERVICE</c>)
    /// &gt; the stored login &gt; the prompt (when a terminal is attached and <c>--no-prompt</c> is not given).
    /// </summary>
    /// <param name="useStoredLogin">Whether the login kept by <c>conduit mist login</c> is a source (not for <c>login</c> itself).</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <exception cref="MistCredentialException">A value is missing or malformed; the message names the source and the key.</exception>
    public async Task<MistCredentialResolution> ResolveAsync(bool useStoredLogin, CancellationToken cancellationToken)
    {
        var user = Result.GetValue(options.User);
        var token = Result.GetValue(options.Token);
        var arguments = new MistCredentials
        {
            Host = HostOverride?.BaseUri.AbsoluteUri,
            ApiTokens = token is null ? null : [.. token.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            User = user,
            Password = Result.GetValue(options.PasswordStdin) ? ReadPasswordLine() : null,
        };
        var getVariable = VariablesWithOverrides();
        var standard = MistCredentialResolver.Create(new MistCredentialResolverOptions
        {
            Arguments = arguments,
            GetEnvironmentVariable = getVariable,
            EnvFile = Result.GetValue(options.EnvFile),
            Keyring = Environment.Keyring,
            Interactive = false,
            RequireAuthentication = false,
        });

        var sources = standard.Sources.ToList();
        StoredMistLogin? stored = useStoredLogin ? Store.Load() : null;
        if (stored is not null)
        {
            sources.Add(Store.CreateSource(stored));
        }

        if (MayPrompt)
        {
            sources.Add(new PromptCredentialSource(Environment.ResolvePrompt()));
        }

        // An explicit --user without --token means an email login: tokens from other sources must not win over it.
        var fields = user is not null && token is null ? MistCredentialFields.All & ~MistCredentialFields.ApiTokens : MistCredentialFields.All;
        var resolver = new MistCredentialResolver(sources) { Fields = fields };
        var resolution = await resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
        Resolution = resolution;
        foreach (var secret in resolution.Credentials.ApiTokens ?? [])
        {
            Redactor.AddSecret(secret);
        }

        Redactor.AddSecret(resolution.Credentials.Password);
        CheckStoredLoginHost(resolution, stored, sources);
        return resolution;
    }

    /// <summary>Resolves the credentials and starts a session (validating tokens with <c>/self</c>, or logging in).</summary>
    /// <param name="useStoredLogin">Whether the stored login is a source.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task<MistSession> StartSessionAsync(bool useStoredLogin, CancellationToken cancellationToken)
    {
        var resolution = await ResolveAsync(useStoredLogin, cancellationToken).ConfigureAwait(false);
        var credentials = resolution.Credentials;
        var sessionOptions = MistSessionOptions.FromCredentials(credentials);
        sessionOptions.Cloud = HostOverride ?? (credentials.Host is { } host ? ParseHost(host, resolution) : MistCloud.Global01);
        sessionOptions.TwoFactorCode = Result.GetValue(options.TwoFactorCode);
        sessionOptions.Prompt = MayPrompt ? Environment.ResolvePrompt() : new RefusingMistPrompt();
        if (sessionOptions.Mode == MistAuthenticationMode.Auto)
        {
            // Neither tokens nor a complete login: ask for the login (with a prompt when allowed), not for tokens.
            sessionOptions.Mode = MistAuthenticationMode.Login;
        }

        sessionOptions.AttemptTimeout = credentials.Timeout ?? MistCredentialDefaults.Timeout;
        sessionOptions.TimeProvider = Environment.TimeProvider;
        return await MistSession.StartAsync(sessionOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The credential origins, one line per field that has a value (never a value), for <c>--verbose</c>.</summary>
    public IReadOnlyList<string> DescribeCredentials() =>
        Resolution is null ? [] : [.. Resolution.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.EndsWith(": not set", StringComparison.Ordinal))
            .Select(line => "credential " + line)];

    private static MistCloud ParseHost(string host, MistCredentialResolution resolution) =>
        MistCloud.TryParse(host, out var cloud)
            ? cloud
            : throw new MistCredentialException($"The Mist host from {resolution.OriginOf(MistCredentialFields.Host)} is not a cloud name, host or URL.", resolution.OriginOf(MistCredentialFields.Host)?.Source, MistCredentialKeys.Host);

    /// <summary>A stored token or password is only ever sent to the cloud it was stored for.</summary>
    private static void CheckStoredLoginHost(MistCredentialResolution resolution, StoredMistLogin? stored, List<IMistCredentialSource> sources)
    {
        var storedName = sources.OfType<StoredLoginCredentialSource>().FirstOrDefault()?.Name;
        if (stored is null || storedName is null)
        {
            return;
        }

        var usesStoredSecret = new[] { MistCredentialFields.ApiTokens, MistCredentialFields.Password }
            .Any(field => resolution.OriginOf(field)?.Source == storedName);
        var host = resolution.Credentials.Host;
        if (!usesStoredSecret || host is null || resolution.OriginOf(MistCredentialFields.Host)?.Source == storedName)
        {
            return;
        }

        if (!MistCloud.TryParse(host, out var wanted) || !MistCloud.TryParse(stored.Host, out var saved) || !wanted.Equals(saved))
        {
            throw new MistCredentialException(
                $"The stored login is for {stored.Host}, but the host is {host} ({resolution.OriginOf(MistCredentialFields.Host)}): give credentials for that host (--token, {MistCredentialKeys.ApiToken}) or run 'conduit mist login' for it.",
                storedName, MistCredentialKeys.Host);
        }
    }

    private Func<string, string?> VariablesWithOverrides()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [MistCredentialKeys.VaultUrl] = Result.GetValue(options.VaultUrl),
            [MistCredentialKeys.VaultPath] = Result.GetValue(options.VaultPath),
            [MistCredentialKeys.VaultMountPoint] = Result.GetValue(options.VaultMount),
        };
        var lookup = Environment.GetEnvironmentVariable;
        return name => overrides.TryGetValue(name, out var value) && value is not null ? value : lookup(name);
    }

    private string ReadPasswordLine()
    {
        var password = (Environment.Input ?? Console.In).ReadLine()?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            throw new CommandInputException("--password-stdin: standard input ended before a password line.");
        }

        Redactor.AddSecret(password);
        return password;
    }
}
