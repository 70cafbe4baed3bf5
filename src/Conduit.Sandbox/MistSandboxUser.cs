namespace Conduit.Sandbox;

/// <summary>A seeded demo user who can log in with email and password.</summary>
/// <param name="Id">The user's admin id.</param>
/// <param name="Email">The login email.</param>
/// <param name="Password">The login password.</param>
/// <param name="TotpSecret">The base32 TOTP secret when two-factor is enabled, else null.</param>
/// <param name="Role">The user's role on its scopes (<c>admin</c>, <c>read</c>).</param>
/// <param name="Description">What the user is for.</param>
public sealed record MistSandboxUser(string Id, string Email, string Password, string? TotpSecret, string Role, string Description)
{
    /// <summary>Whether the user must pass two-factor after the password.</summary>
    public bool TwoFactorEnabled => TotpSecret is not null;

    /// <summary>Leaves the password and secret out, so a logged user never leaks them.</summary>
    public override string ToString() => $"{Email} ({Role}{(TwoFactorEnabled ? ", 2FA" : string.Empty)})";
}
