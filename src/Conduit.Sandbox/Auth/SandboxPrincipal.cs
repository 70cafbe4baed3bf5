namespace Conduit.Sandbox.Auth;

/// <summary>Who a request acts as: the account, the quota bucket it draws from, and its session if any.</summary>
internal sealed record SandboxPrincipal(SandboxAccount Account, string QuotaKey, SandboxSession? Session)
{
    public bool TwoFactorPending => Session?.TwoFactorPending == true;
}
