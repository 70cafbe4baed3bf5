using System.Net;
using Conduit.Mist.Clouds;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Sessions;

/// <summary>What every client of one session shares: the tokens and their budget, the cookies, the login state.</summary>
internal sealed class MistSessionState(
    MistCloud cloud,
    MistAuthenticationMode mode,
    MistTokenPool? pool,
    CookieContainer? cookies,
    MistTokenExhaustion exhaustion,
    TimeSpan cooldown,
    int pageConcurrency,
    TimeProvider time,
    ILogger logger)
{
    private int loggedIn;
    private int expired;

    public MistCloud Cloud { get; } = cloud;

    public MistAuthenticationMode Mode { get; } = mode;

    public MistTokenPool? Pool { get; } = pool;

    public CookieContainer? Cookies { get; } = cookies;

    public MistTokenExhaustion Exhaustion { get; } = exhaustion;

    public TimeSpan Cooldown { get; } = cooldown;

    public int PageConcurrency { get; } = pageConcurrency;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    /// <summary>Whether a login completed (password and, when needed, two-factor) and no logout followed.</summary>
    public bool LoggedIn => Volatile.Read(ref loggedIn) == 1;

    /// <summary>Whether a call of a logged-in session was answered 401.</summary>
    public bool Expired => Volatile.Read(ref expired) == 1;

    public void MarkLoggedIn()
    {
        Volatile.Write(ref expired, 0);
        Volatile.Write(ref loggedIn, 1);
    }

    public void MarkLoggedOut() => Volatile.Write(ref loggedIn, 0);

    /// <summary>Marks the session expired; true the first time.</summary>
    public bool MarkExpired() => LoggedIn && Interlocked.Exchange(ref expired, 1) == 0;

    /// <summary>The CSRF token the service set (<c>csrftoken</c>, or <c>csrftoken.&lt;ext&gt;</c> on some clouds), if any.</summary>
    public string? CsrfToken(Uri requestUri)
    {
        if (Cookies is null)
        {
            return null;
        }

        string? fallback = null;
        foreach (Cookie cookie in Cookies.GetCookies(requestUri))
        {
            if (cookie.Name == "csrftoken")
            {
                return cookie.Value;
            }

            if (cookie.Name.StartsWith("csrftoken.", StringComparison.Ordinal))
            {
                fallback ??= cookie.Value;
            }
        }

        return fallback;
    }
}
