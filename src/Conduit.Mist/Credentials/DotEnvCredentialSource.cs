using System.Text.RegularExpressions;
using DotNetEnv;

namespace Conduit.Mist.Credentials;

/// <summary>
/// A <c>.env</c> file (parsed by DotNetEnv: <c>KEY=value</c>, single or double quotes, <c>#</c> comments, an
/// <c>export</c> prefix, <c>${VAR}</c> interpolation) with the same keys as <see cref="EnvironmentCredentialSource"/>.
/// The file is parsed without touching the process environment; a later line wins over an earlier one.
/// </summary>
public sealed partial class DotEnvCredentialSource : IMistCredentialSource
{
    private static readonly LoadOptions ParseOnly = new(setEnvVars: false, clobberExistingVars: true, onlyExactPath: true);
    private readonly string? _contents;

    /// <summary>Creates a source over a file.</summary>
    /// <param name="path">The file; a leading <c>~/</c> means the home folder (seed 2's <c>~/.mist_env</c>).</param>
    /// <param name="optional">Whether a missing file counts as empty (used for the default <c>.env</c>); otherwise it is an error.</param>
    public DotEnvCredentialSource(string path, bool optional = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(ExpandHome(path));
        IsOptional = optional;
        Name = $".env file '{FilePath}'";
    }

    private DotEnvCredentialSource(string contents, string name)
    {
        _contents = contents;
        Name = name;
    }

    /// <summary>The full path of the file, or <see langword="null"/> for a source made with <see cref="FromContents"/>.</summary>
    public string? FilePath { get; }

    /// <summary>Whether a missing file counts as empty.</summary>
    public bool IsOptional { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Creates a source over <c>.env</c> text already in memory.</summary>
    /// <param name="contents">The text, in <c>.env</c> syntax.</param>
    /// <param name="name">The display name used in messages.</param>
    /// <returns>The source.</returns>
    public static DotEnvCredentialSource FromContents(string contents, string name = ".env contents")
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new DotEnvCredentialSource(contents, name);
    }

    /// <summary>Reads every variable of the file (not only Mist keys), e.g. to find <c>MIST_VAULT_PATH</c>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The variables; empty when an optional file does not exist.</returns>
    /// <exception cref="MistCredentialException">The file is missing (and not optional), unreadable or not valid <c>.env</c> syntax.</exception>
    public IReadOnlyDictionary<string, string> ReadVariables(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Parse(_contents ?? ReadFile(async: false, cancellationToken).GetAwaiter().GetResult());
    }

    /// <summary>Reads every variable of the file asynchronously; see <see cref="ReadVariables"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The variables; empty when an optional file does not exist.</returns>
    /// <exception cref="MistCredentialException">The file is missing (and not optional), unreadable or not valid <c>.env</c> syntax.</exception>
    public async ValueTask<IReadOnlyDictionary<string, string>> ReadVariablesAsync(CancellationToken cancellationToken = default) =>
        Parse(_contents ?? await ReadFile(async: true, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ToReading(ReadVariables(cancellationToken), request);

    /// <inheritdoc />
    public async ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ToReading(await ReadVariablesAsync(cancellationToken).ConfigureAwait(false), request);

    private MistCredentialReading ToReading(IReadOnlyDictionary<string, string> variables, MistCredentialRequest request) =>
        new MistCredentialReadingBuilder(Name).AddFrom(key => variables.GetValueOrDefault(key), request.Missing).Build();

    private async ValueTask<string?> ReadFile(bool async, CancellationToken cancellationToken)
    {
        var path = FilePath!;
        if (!File.Exists(path))
        {
            return IsOptional ? null : throw new MistCredentialException($"The {Name} does not exist.", Name, null);
        }

        try
        {
            // The synchronous path really is synchronous: the awaited task is already complete.
            return async
                ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
                : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MistCredentialException($"The {Name} cannot be read: {ex.GetType().Name}.", Name, null, ex);
        }
    }

    private IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return variables;
        }

        IEnumerable<KeyValuePair<string, string>> pairs;
        try
        {
            pairs = Env.LoadContents(text, ParseOnly).ToList();
        }
#pragma warning disable CA1031 // The parser's exception text quotes the file (secrets included), so it is replaced, never wrapped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var position = PositionPattern().Match(ex.Message);
            var where = position.Success ? $" at line {position.Groups[1].Value}, column {position.Groups[2].Value}" : string.Empty;
            throw new MistCredentialException($"The {Name} is not valid .env syntax{where}.", Name, null);
        }

        foreach (var (key, value) in pairs)
        {
            variables[key] = value;
        }

        return variables;
    }

    private static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return path.Length == 1 ? home : System.IO.Path.Combine(home, path[2..]);
        }

        return path;
    }

    [GeneratedRegex(@"Line (\d+), Column (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPattern();
}
