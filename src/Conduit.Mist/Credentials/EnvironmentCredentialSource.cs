namespace Conduit.Mist.Credentials;

/// <summary>
/// Environment variables: <c>MIST_HOST</c> (or <c>MIST_BASE_URL</c>), <c>MIST_APITOKEN</c> (or <c>MIST_API_TOKEN</c>),
/// <c>MIST_USER</c>, <c>MIST_PASSWORD</c>, <c>MIST_ORG_ID</c>, <c>MIST_TIMEOUT</c>, <c>MIST_MAX_RETRIES</c>,
/// <c>MIST_BACKOFF_FACTOR</c>, <c>MIST_RATE_LIMIT_THRESHOLD</c>, <c>HTTPS_PROXY</c>, <c>CONSOLE_LOG_LEVEL</c> and
/// <c>LOGGING_LOG_LEVEL</c> (see <see cref="MistCredentialKeys"/>). Empty variables count as unset.
/// </summary>
public sealed class EnvironmentCredentialSource : IMistCredentialSource
{
    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates a source over the process environment.</summary>
    public EnvironmentCredentialSource()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a source over any variable lookup (tests pass a dictionary's lookup instead of changing the process).</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    public EnvironmentCredentialSource(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        _getVariable = getVariable;
    }

    /// <inheritdoc />
    public string Name => "environment";

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new MistCredentialReadingBuilder(Name).AddFrom(_getVariable, request.Missing).Build();
    }

    /// <inheritdoc />
    public ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(request, cancellationToken));
}
