namespace Conduit.Mist.Credentials;

/// <summary>Where one field's value came from: the source and the key (never the value).</summary>
/// <param name="Source">The source's display name, e.g. <c>environment</c>.</param>
/// <param name="Key">The key, e.g. <c>MIST_API_TOKEN</c>, or the property name for arguments.</param>
public readonly record struct MistCredentialOrigin(string Source, string Key)
{
    /// <summary>For example <c>environment (MIST_API_TOKEN)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Source} ({Key})";
}
