namespace Conduit.Sandbox.Auth;

/// <summary>A login session: the <c>sessionid</c> cookie, its CSRF token, and the two-factor state.</summary>
internal sealed class SandboxSession(string id, string csrfToken, SandboxAccount account, bool twoFactorPassed)
{
    private volatile bool twoFactorPassed = twoFactorPassed;

    public string Id { get; } = id;

    public string CsrfToken { get; } = csrfToken;

    public SandboxAccount Account { get; } = account;

    public bool TwoFactorPassed
    {
        get => twoFactorPassed;
        set => twoFactorPassed = value;
    }

    /// <summary>Whether the user still owes a two-factor code.</summary>
    public bool TwoFactorPending => Account.User.TwoFactorEnabled && !TwoFactorPassed;
}
