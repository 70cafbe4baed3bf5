using Conduit.AuthService;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Conduit.Samples.WebSignIn;

/// <summary>The app's pages: home, register, login, the protected account page, and logout.</summary>
internal static class SignInEndpoints
{
    /// <summary>Maps the pages. Forms are protected by antiforgery tokens; the account page and logout need a signed-in user.</summary>
    public static void MapSignInEndpoints(this WebApplication app)
    {
        app.MapGet("/", (HttpContext http) => Pages.Home(http.User.Identity?.Name));
        app.MapGet("/register", (HttpContext http, IAntiforgery antiforgery) => Pages.Register(antiforgery.GetAndStoreTokens(http), error: null));
        app.MapPost("/register", RegisterAsync);
        app.MapGet("/login", (HttpContext http, IAntiforgery antiforgery) => Pages.Login(antiforgery.GetAndStoreTokens(http), error: null));
        app.MapPost("/login", LoginAsync);
        app.MapGet("/account", AccountAsync).RequireAuthorization();
        app.MapPost("/logout", LogoutAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    #region login
    private static async Task<IResult> LoginAsync([FromForm] LoginForm form, HttpContext http, AuthClientFactory clients, IAntiforgery antiforgery)
    {
        var tokens = new InMemoryAuthTokenStore();
        await using var auth = clients.Create(tokens);
        try
        {
            var session = await auth.LoginAsync(form.Email, form.Password, http.RequestAborted);
            await CookieSession.SignInAsync(http, session.User, tokens.Load()!);
            return Results.Redirect("/account");
        }
        catch (AuthException ex) when (ex.StatusCode is StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized or StatusCodes.Status429TooManyRequests)
        {
            return Pages.Login(antiforgery.GetAndStoreTokens(http), ex.ServerMessage ?? "Sign-in failed.");
        }
    }
    #endregion

    private static async Task<IResult> RegisterAsync([FromForm] RegisterForm form, HttpContext http, AuthClientFactory clients, IAntiforgery antiforgery)
    {
        var tokens = new InMemoryAuthTokenStore();
        await using var auth = clients.Create(tokens);
        try
        {
            var session = await auth.RegisterAsync(form.Email, form.Password, form.FirstName, form.LastName, http.RequestAborted);
            await CookieSession.SignInAsync(http, session.User, tokens.Load()!);
            return Results.Redirect("/account");
        }
        catch (AuthException ex) when (ex.StatusCode is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict)
        {
            var fields = string.Join(" ", ex.Details.Values);
            return Pages.Register(antiforgery.GetAndStoreTokens(http), $"{ex.ServerMessage} {fields}".Trim());
        }
    }

    #region account
    private static async Task<IResult> AccountAsync(HttpContext http, AuthClientFactory clients, IAntiforgery antiforgery)
    {
        var saved = await CookieSession.ReadTokensAsync(http);
        var tokens = new InMemoryAuthTokenStore(saved);
        await using var auth = clients.Create(tokens);
        User me;
        try
        {
            me = await auth.GetCurrentUserAsync(http.RequestAborted);   // refreshes the access token when it is about to expire
        }
        catch (AuthException ex) when (ex.StatusCode == StatusCodes.Status401Unauthorized)
        {
            await CookieSession.SignOutAsync(http);   // the session ended at the auth service (logged out elsewhere, expired)
            return Results.Redirect("/login");
        }

        if (tokens.Load() is { } current && current != saved)
        {
            await CookieSession.SignInAsync(http, me, current);   // keep the refreshed pair (the refresh token rotates)
        }

        return Pages.Account(me, antiforgery.GetAndStoreTokens(http));
    }
    #endregion

    private static async Task<IResult> LogoutAsync(HttpContext http, AuthClientFactory clients)
    {
        await using var auth = clients.Create(new InMemoryAuthTokenStore(await CookieSession.ReadTokensAsync(http)));
        try
        {
            await auth.LogoutAsync(http.RequestAborted);   // revokes the refresh token at the auth service
        }
        finally
        {
            await CookieSession.SignOutAsync(http);
        }

        return Results.Redirect("/");
    }
}
