namespace Conduit.Mist.Credentials;

/// <summary>What one source found: the values, and for each the key it was read from (for diagnostics).</summary>
public sealed class MistCredentialReading
{
    private readonly Dictionary<MistCredentialFields, string> _keys;

    /// <summary>Creates a reading.</summary>
    /// <param name="credentials">The values found.</param>
    /// <param name="keys">The key each present field came from, e.g. <c>MIST_API_TOKEN</c>; when a field is not listed its property name is used.</param>
    public MistCredentialReading(MistCredentials credentials, IReadOnlyDictionary<MistCredentialFields, string>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        _keys = keys is null ? [] : new Dictionary<MistCredentialFields, string>(keys);
    }

    /// <summary>A reading that found nothing.</summary>
    public static MistCredentialReading Empty { get; } = new(MistCredentials.Empty);

    /// <summary>The values found.</summary>
    public MistCredentials Credentials { get; }

    /// <summary>The key a field was read from, or the field's name when the source did not say.</summary>
    /// <param name="field">A single field.</param>
    /// <returns>The key name.</returns>
    public string KeyOf(MistCredentialFields field) => _keys.TryGetValue(field, out var key) ? key : field.ToString();
}
