using System.Security.Cryptography;
using Conduit.AuthServer;
using Conduit.AuthService;
using Conduit.Samples.WebSignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

// A web app whose users register, sign in and sign out through the Conduit auth service, with AuthClient.
// The signed-in user lives in an encrypted cookie that also holds their access and refresh tokens.
//
//   WebSignIn [--auth-url http://127.0.0.1:5000/api/] [--urls http://127.0.0.1:5080] [--self-test]
//
// Without --auth-url it starts the auth service in-process on loopback (in-memory SQLite).
// --self-test starts the app on a free loopback port, drives register → account → logout → login → account → logout
// over HTTP like a browser, and exits 0 when every step behaved, 1 otherwise.
var selfTest = args.Contains("--self-test");
var authUrlIndex = Array.IndexOf(args, "--auth-url");
var authUrl = authUrlIndex >= 0 ? new Uri(args[authUrlIndex + 1]) : null;
var hostArgs = args.Where((arg, i) => arg != "--self-test" && (authUrlIndex < 0 || (i != authUrlIndex && i != authUrlIndex + 1))).ToArray();

await using var authServer = authUrl is null
    ? await AuthServerHost.StartAsync(new AuthServerOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) })
    : null;

#region services
var builder = WebApplication.CreateBuilder(hostArgs);
var authServiceUrl = authUrl ?? authServer!.BaseUrl;
// One connection pool for every user: each request creates a cheap AuthClient over that user's tokens.
builder.Services.AddSingleton(services => new AuthClientFactory(new AuthClientOptions { BaseUrl = authServiceUrl }, services.GetRequiredService<ILoggerFactory>()));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(cookie => cookie.LoginPath = "/login");
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery();
#endregion
if (selfTest)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();   // no key files left behind
}

await using var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapSignInEndpoints();

if (!selfTest)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
var passed = await SelfTest.RunAsync(new Uri(app.Urls.First()), Console.Out);
await app.StopAsync();
return passed ? 0 : 1;
