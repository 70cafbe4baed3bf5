using System.Net;
using Conduit.AuthService;
using Microsoft.AspNetCore.Antiforgery;

namespace Conduit.Samples.WebSignIn;

/// <summary>The HTML of the pages: plain forms, every value HTML-encoded.</summary>
internal static class Pages
{
    public static IResult Home(string? userName) => Page(
        "Conduit sign-in sample",
        userName is null
            ? """<p>You are not signed in. <a href="/login">Sign in</a> or <a href="/register">register</a>.</p>"""
            : $"""<p>Signed in as {E(userName)}. <a href="/account">Your account</a>.</p>""");

    public static IResult Register(AntiforgeryTokenSet antiforgery, string? error) => Page(
        "Register",
        $"""
        {Error(error)}
        <form method="post" action="/register">
          {Token(antiforgery)}
          <label>Email <input name="email" type="email" required></label>
          <label>Password <input name="password" type="password" required></label>
          <label>First name <input name="firstName" required></label>
          <label>Last name <input name="lastName" required></label>
          <button>Register</button>
        </form>
        <p>Already registered? <a href="/login">Sign in</a>.</p>
        """,
        error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static IResult Login(AntiforgeryTokenSet antiforgery, string? error) => Page(
        "Sign in",
        $"""
        {Error(error)}
        <form method="post" action="/login">
          {Token(antiforgery)}
          <label>Email <input name="email" type="email" required></label>
          <label>Password <input name="password" type="password" required></label>
          <button>Sign in</button>
        </form>
        <p>New here? <a href="/register">Register</a>.</p>
        """,
        error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    public static IResult Account(User user, AntiforgeryTokenSet antiforgery) => Page(
        "Your account",
        $"""
        <p>Welcome <strong id="user">{E(user.FullName)}</strong> ({E(user.Email)}).</p>
        <p>Role: {E(user.Role)}; email verified: {(user.IsVerified ? "yes" : "no")}; member since {user.CreatedAt:yyyy-MM-dd}.</p>
        <form method="post" action="/logout">
          {Token(antiforgery)}
          <button>Sign out</button>
        </form>
        """);

    private static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{E(title)}</title></head>
        <body>
        <h1>{E(title)}</h1>
        {body}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: statusCode);

    private static string Token(AntiforgeryTokenSet antiforgery) =>
        $"""<input type="hidden" name="{E(antiforgery.FormFieldName)}" value="{E(antiforgery.RequestToken ?? string.Empty)}">""";

    private static string Error(string? error) => error is null ? string.Empty : $"""<p class="error" role="alert">{E(error)}</p>""";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
