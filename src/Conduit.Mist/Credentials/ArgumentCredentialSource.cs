namespace Conduit.Mist.Credentials;

/// <summary>
/// Values given in code or on the command line: the first source, so an explicit value always wins. The values are
/// checked with the same rules as text from the other sources.
/// </summary>
public sealed class ArgumentCredentialSource : IMistCredentialSource
{
    private readonly MistCredentials _values;

    /// <summary>Creates the source.</summary>
    /// <param name="values">The explicit values; fields left <see langword="null"/> come from later sources.</param>
    public ArgumentCredentialSource(MistCredentials values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <inheritdoc />
    public string Name => "arguments";

    /// <inheritdoc />
    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var kept = MistCredentialFieldAccess.Keep(_values, request.Missing);
        MistCredentialValueParser.Validate(kept, Name);
        return new MistCredentialReading(kept);
    }

    /// <inheritdoc />
    public ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(request, cancellationToken));
}
