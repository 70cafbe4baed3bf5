using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Conduit.Samples.WebSignIn;

/// <summary>
/// Drives the running app over loopback HTTP like a browser (cookies kept, redirects checked, antiforgery tokens read
/// from each form): register → account → logout → wrong password → login → account → logout. One line per step.
/// </summary>
internal static partial class SelfTest
{
    /// <summary>Runs every step against <paramref name="app"/>; true when all of them behaved.</summary>
    public static async Task<bool> RunAsync(Uri app, TextWriter log)
    {
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(15) };
        var email = $"ada.{Guid.NewGuid():N}@example.com";
        var password = $"Sample-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}-a1!";
        try
        {
            var page = await SendAsync(browser, HttpMethod.Get, "/account");
            Expect(log, "signed out: /account redirects to /login", page.Status == HttpStatusCode.Redirect && page.Location.StartsWith("/login", StringComparison.Ordinal), page);

            page = await SendAsync(browser, HttpMethod.Get, "/register");
            page = await SendAsync(browser, HttpMethod.Post, "/register", FormToken(page), ("email", email), ("password", password), ("firstName", "Ada"), ("lastName", "Lovelace"));
            Expect(log, "register: redirected to /account", page.Status == HttpStatusCode.Redirect && page.Location == "/account", page);

            await ExpectAccountAsync(browser, log);
            await LogoutAsync(browser, log);

            page = await SendAsync(browser, HttpMethod.Get, "/login");
            page = await SendAsync(browser, HttpMethod.Post, "/login", FormToken(page), ("email", email), ("password", password + "x"));
            Expect(log, "wrong password: the form again with the service's message", page.Status == HttpStatusCode.Unauthorized && page.Body.Contains("role=\"alert\"", StringComparison.Ordinal), page);

            page = await SendAsync(browser, HttpMethod.Get, "/login");
            page = await SendAsync(browser, HttpMethod.Post, "/login", FormToken(page), ("email", email), ("password", password));
            Expect(log, "login: redirected to /account", page.Status == HttpStatusCode.Redirect && page.Location == "/account", page);

            await ExpectAccountAsync(browser, log);
            await LogoutAsync(browser, log);
            log.WriteLine("self-test passed");
            return true;
        }
        catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            log.WriteLine($"FAIL  {failure.Message}");
            return false;
        }
    }

    private static async Task ExpectAccountAsync(HttpClient browser, TextWriter log)
    {
        var page = await SendAsync(browser, HttpMethod.Get, "/account");
        Expect(log, "protected page: /account shows the signed-in user", page.Status == HttpStatusCode.OK && page.Body.Contains("<strong id=\"user\">Ada Lovelace</strong>", StringComparison.Ordinal), page);
    }

    private static async Task LogoutAsync(HttpClient browser, TextWriter log)
    {
        var page = await SendAsync(browser, HttpMethod.Get, "/account");
        page = await SendAsync(browser, HttpMethod.Post, "/logout", FormToken(page));
        Expect(log, "logout: redirected home", page.Status == HttpStatusCode.Redirect && page.Location == "/", page);
        page = await SendAsync(browser, HttpMethod.Get, "/account");
        Expect(log, "after logout: /account redirects to /login", page.Status == HttpStatusCode.Redirect && page.Location.StartsWith("/login", StringComparison.Ordinal), page);
    }

    private static async Task<Response> SendAsync(HttpClient browser, HttpMethod method, string path, string? token = null, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token ?? string.Empty), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);
        }

        using var response = await browser.SendAsync(request);
        var location = response.Headers.Location is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : string.Empty;
        return new Response(response.StatusCode, location, await response.Content.ReadAsStringAsync());
    }

    private static string FormToken(Response page) =>
        TokenField().Match(page.Body) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token in the page ({(int)page.Status})");

    private static void Expect(TextWriter log, string step, bool passed, Response page)
    {
        if (!passed)
        {
            throw new InvalidOperationException($"{step}: got {(int)page.Status} {page.Location}");
        }

        log.WriteLine($"ok    {step}");
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" value=""([^""]+)""")]
    private static partial Regex TokenField();

    private sealed record Response(HttpStatusCode Status, string Location, string Body);
}
