using System.Globalization;
using System.Security.Claims;
using Conduit.AuthService;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Conduit.Samples.WebSignIn;

/// <summary>
/// The signed-in user as a cookie: the user's id, name and email as claims, and the auth service's tokens stored in the
/// cookie's authentication properties (the cookie is encrypted with ASP.NET Core data protection).
/// </summary>
internal static class CookieSession
{
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string TokenType = "token_type";
    private const string ExpiresAt = "expires_at";

    /// <summary>Issues (or re-issues) the sign-in cookie for <paramref name="user"/> with <paramref name="tokens"/>.</summary>
    public static Task SignInAsync(HttpContext http, User user, AuthTokens tokens)
    {
        var identity = new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.FullName), new(ClaimTypes.Email, user.Email)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new() { Name = AccessToken, Value = tokens.AccessToken },
            new() { Name = RefreshToken, Value = tokens.RefreshToken },
            new() { Name = TokenType, Value = tokens.TokenType },
            new() { Name = ExpiresAt, Value = tokens.ExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
        ]);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
    }

    /// <summary>The tokens in the request's sign-in cookie, or null when there is none.</summary>
    public static async Task<AuthTokens?> ReadTokensAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = result.Properties;
        if (properties?.GetTokenValue(AccessToken) is not { } access || properties.GetTokenValue(RefreshToken) is not { } refresh)
        {
            return null;
        }

        var expiresAt = DateTimeOffset.Parse(properties.GetTokenValue(ExpiresAt) ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        return new AuthTokens(access, refresh, properties.GetTokenValue(TokenType) ?? "Bearer", expiresAt);
    }

    /// <summary>Removes the sign-in cookie.</summary>
    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
}
