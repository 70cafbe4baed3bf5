namespace Conduit.Mist.Credentials;

/// <summary>What the resolver asks a source for.</summary>
/// <param name="Missing">The fields no earlier source had; the source returns the ones it has.</param>
/// <param name="Resolved">The fields earlier sources already gave (an interactive source uses it to ask only what is needed).</param>
public readonly record struct MistCredentialRequest(MistCredentialFields Missing, MistCredentialFields Resolved)
{
    /// <summary>A request for every field, nothing known yet.</summary>
    public static MistCredentialRequest AllFields => new(MistCredentialFields.All, MistCredentialFields.None);

    /// <summary>Whether authentication is already possible from what is resolved: API tokens, or a user and a password.</summary>
    public bool IsAuthenticationResolved =>
        (Resolved & MistCredentialFields.ApiTokens) != 0
        || (Resolved & (MistCredentialFields.User | MistCredentialFields.Password)) == (MistCredentialFields.User | MistCredentialFields.Password);
}
