namespace Conduit.Mist.Credentials;

/// <summary>Collects text values key by key, parses each into its field and remembers which key it came from.</summary>
internal sealed class MistCredentialReadingBuilder(string source)
{
    private readonly Dictionary<MistCredentialFields, string> _keys = [];
    private MistCredentials _credentials = MistCredentials.Empty;

    /// <summary>Adds a field from text; blank text counts as absent. Returns whether the field was set.</summary>
    /// <exception cref="MistCredentialException">The text is malformed for the field.</exception>
    public bool Add(MistCredentialFields field, string key, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || _keys.ContainsKey(field))
        {
            return false;
        }

        _credentials = MistCredentialValueParser.Apply(_credentials, field, key, raw, source);
        _keys[field] = key;
        return true;
    }

    /// <summary>Adds every wanted field from a lookup by key name, trying each field's names in order.</summary>
    public MistCredentialReadingBuilder AddFrom(Func<string, string?> lookup, MistCredentialFields wanted)
    {
        foreach (var field in MistCredentialKeys.Split(wanted))
        {
            foreach (var key in MistCredentialKeys.NamesOf(field))
            {
                if (Add(field, key, lookup(key)))
                {
                    break;
                }
            }
        }

        return this;
    }

    public bool Contains(MistCredentialFields field) => _keys.ContainsKey(field);

    public MistCredentialReading Build() => new(_credentials, _keys);
}
