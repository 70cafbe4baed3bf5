using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;
using Conduit.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using OtpNet;

namespace Conduit.Sandbox.Handlers;

/// <summary>
/// <c>POST /api/v1/login</c>, <c>/login/two_factor</c> and <c>/logout</c>: sessions with the
/// <c>sessionid</c> and <c>csrftoken</c> cookies, and TOTP two-factor (RFC 6238).
/// </summary>
internal sealed class LoginHandlers(HandlerContext context)
{
    public void Register(IDictionary<string, StatefulHandler> handlers)
    {
        handlers["login"] = new(HandlerAccess.Anonymous, Login);
        handlers["twoFactor"] = new(HandlerAccess.Session, TwoFactor);
        handlers["logout"] = new(HandlerAccess.Session, Logout);
    }

    private SandboxResponse Login(SandboxRequest request)
    {
        var email = (string?)request.Body?["email"];
        var password = (string?)request.Body?["password"];
        var code = request.Body?["two_factor"]?.ToString();
        if (email is null || password is null
            || !context.State.AccountsByEmail.TryGetValue(email, out var account)
            || account.User.Password != password)
        {
            return SandboxResponse.Error(400, "Invalid username/password.");
        }

        var passed = !account.User.TwoFactorEnabled;
        if (!passed && code is not null)
        {
            if (!VerifyCode(account, code))
            {
                return SandboxResponse.Error(400, "Invalid two-factor code.");
            }

            passed = true;
        }

        var session = context.Sessions.Create(account, passed);
        SetCookies(request.Http.Response, session);
        return passed
            ? SandboxResponse.EmptyJsonObject()
            : SandboxResponse.Json(new JsonObject { ["email"] = account.User.Email, ["two_factor_required"] = true, ["two_factor_passed"] = false });
    }

    private SandboxResponse TwoFactor(SandboxRequest request)
    {
        if (request.Principal?.Session is not { } session)
        {
            return SandboxResponse.Error(401, "Log in with email and password first.");
        }

        if (!session.Account.User.TwoFactorEnabled)
        {
            return SandboxResponse.Error(404, "Two-factor authentication is not enabled for this user.");
        }

        var code = request.Body?["two_factor"]?.ToString();
        if (code is null || !VerifyCode(session.Account, code))
        {
            return SandboxResponse.Error(401, "The two-factor code is incorrect.");
        }

        session.TwoFactorPassed = true;
        return SandboxResponse.EmptyJsonObject();
    }

    private SandboxResponse Logout(SandboxRequest request)
    {
        if (request.Principal?.Session is { } session)
        {
            context.Sessions.Remove(session.Id);
        }

        var cookies = request.Http.Response.Cookies;
        cookies.Delete(SessionStore.SessionCookie, new CookieOptions { Path = "/" });
        cookies.Delete(SessionStore.CsrfCookie, new CookieOptions { Path = "/" });
        return SandboxResponse.EmptyJsonObject();
    }

    private bool VerifyCode(SandboxAccount account, string code)
    {
        if (account.User.TotpSecret is not { } secret || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(context.State.Time.GetUtcNow().UtcDateTime, code, out _, new VerificationWindow(previous: 1, future: 1));
    }

    private static void SetCookies(HttpResponse response, SandboxSession session)
    {
        response.Cookies.Append(SessionStore.SessionCookie, session.Id, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
        response.Cookies.Append(SessionStore.CsrfCookie, session.CsrfToken, new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax });
    }
}
