namespace Conduit.Cli.Commands.Mist.Login;

/// <summary>What <c>conduit mist login</c> remembered: the cloud, how to authenticate, and where the secret is.</summary>
/// <param name="Host">The cloud's base URL, e.g. <c>https://api.eu.mist.com/</c>.</param>
/// <param name="Kind">API token or email/password.</param>
/// <param name="User">The login email (email/password logins).</param>
/// <param name="Storage">Where the secret is.</param>
/// <param name="KeyringService">The keyring service it is stored under, when in the keyring.</param>
/// <param name="ApiToken">The token(s), comma-separated, only when stored in the file. Secret.</param>
/// <param name="SavedAt">When the login was stored.</param>
internal sealed record StoredMistLogin(
    string Host,
    MistLoginKind Kind,
    string? User,
    MistSecretStorage Storage,
    string? KeyringService,
    string? ApiToken,
    DateTimeOffset SavedAt)
{
    /// <summary>Describes the login without its secret.</summary>
    public override string ToString() => $"{Kind} login for {Host}{(User is null ? string.Empty : $" as {User}")}, secret in {Storage}";
}
