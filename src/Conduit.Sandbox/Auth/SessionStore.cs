using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Conduit.Sandbox.Auth;

/// <summary>The live login sessions, by session id.</summary>
internal sealed class SessionStore
{
    /// <summary>The session cookie's name.</summary>
    public const string SessionCookie = "sessionid";

    /// <summary>The CSRF cookie's name (as Mist and Django name it).</summary>
    public const string CsrfCookie = "csrftoken";

    /// <summary>The header that must echo the CSRF cookie on state-changing requests.</summary>
    public const string CsrfHeader = "X-CSRFToken";

    private readonly ConcurrentDictionary<string, SandboxSession> sessions = new(StringComparer.Ordinal);

    public SandboxSession Create(SandboxAccount account, bool twoFactorPassed)
    {
        var session = new SandboxSession(NewSecret(), NewSecret(), account, twoFactorPassed);
        sessions[session.Id] = session;
        return session;
    }

    public SandboxSession? Find(string? id) => id is not null && sessions.TryGetValue(id, out var session) ? session : null;

    public void Remove(string id) => sessions.TryRemove(id, out _);

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
