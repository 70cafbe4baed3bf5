using System.Text;
using Conduit.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace Conduit.Sandbox.Auth;

/// <summary>
/// Finds who a request acts as, the way Mist does: <c>Authorization: Token …</c>, HTTP Basic with
/// email and password (users without two-factor), or the <c>sessionid</c> cookie of a login.
/// </summary>
internal sealed class Authenticator(MistState state, SessionStore sessions, IReadOnlyDictionary<string, SandboxAccount> tokens)
{
    public const string MissingCredentials = "Authentication credentials were not provided.";

    public SandboxPrincipal? Authenticate(HttpRequest request, out string? failure)
    {
        failure = null;
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 0 && authorization[0] is { Length: > 0 } header)
        {
            return FromHeader(header, out failure);
        }

        if (request.Cookies.TryGetValue(SessionStore.SessionCookie, out var sessionId))
        {
            var session = sessions.Find(sessionId);
            if (session is null)
            {
                failure = "Invalid session.";
                return null;
            }

            return new SandboxPrincipal(session.Account, "user:" + session.Account.User.Id, session);
        }

        failure = MissingCredentials;
        return null;
    }

    /// <summary>The session of the request's <c>sessionid</c> cookie, if it has a live one.</summary>
    public SandboxSession? Session(HttpRequest request)
        => request.Cookies.TryGetValue(SessionStore.SessionCookie, out var id) ? sessions.Find(id) : null;

    private SandboxPrincipal? FromHeader(string header, out string? failure)
    {
        failure = null;
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var value = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        if (scheme.Equals("Token", StringComparison.OrdinalIgnoreCase))
        {
            if (tokens.TryGetValue(value, out var owner))
            {
                return new SandboxPrincipal(owner, value, null);
            }

            failure = "Invalid token.";
            return null;
        }

        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return FromBasic(value, out failure);
        }

        failure = "Unsupported authorization scheme; use 'Token <api token>'.";
        return null;
    }

    private SandboxPrincipal? FromBasic(string encoded, out string? failure)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            failure = "Invalid basic header.";
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && state.AccountsByEmail.TryGetValue(decoded[..colon], out var account)
            && account.User.Password == decoded[(colon + 1)..]
            && !account.User.TwoFactorEnabled)
        {
            failure = null;
            return new SandboxPrincipal(account, "user:" + account.User.Id, null);
        }

        failure = "Invalid username/password.";
        return null;
    }
}
