using System.Text.Json.Nodes;
using Conduit.AuthServer.Email;
using Conduit.Http;
using Conduit.Http.Authentication;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Registers a user on the embedded auth service, verifies the email from the outbox, logs in and refreshes.</summary>
internal sealed class AuthServiceStep : IDemoStep
{
    public string Name => "auth";

    public string Title => "Auth service: register, verify email, login, current user, refresh";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var server = await environment.GetAuthServerAsync(cancellationToken).ConfigureAwait(false);
        var console = environment.Console;
        console.MarkupLineInterpolated($"Auth service on [blue]{server.BaseUrl}[/].");
        using var client = new ConduitClient(new ConduitClientOptions { Name = "auth-demo", BaseAddress = server.BaseUrl });
        var email = $"ada.{Guid.NewGuid():N}"[..16] + "@example.com";
        var password = "Demo-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "1a!";

        await client.PostAsync("auth/register", Json(new JsonObject { ["email"] = email, ["password"] = password, ["first_name"] = "Ada", ["last_name"] = "Lovelace" }), cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Registered [bold]{email}[/].");

        var mail = await server.Outbox.FindLatestAsync(email, EmailKind.EmailVerification, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No verification email reached the outbox.");
        await client.PostAsync("auth/verify-email", Json(new JsonObject { ["token"] = mail.Token }), cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Verified the address with the token from the outbox email \"{mail.Subject}\".");

        var login = await client.PostAsync("auth/login", Json(new JsonObject { ["email"] = email, ["password"] = password }), cancellationToken).ConfigureAwait(false);
        using var session = login.ReadJsonDocument();
        var accessToken = session.RootElement.GetProperty("access_token").GetString()!;
        var refreshToken = session.RootElement.GetProperty("refresh_token").GetString()!;
        console.MarkupLineInterpolated($"Logged in: access token expires in {session.RootElement.GetProperty("expires_in").GetInt32()} s.");

        using var authed = new ConduitClient(new ConduitClientOptions { Name = "auth-demo-user", BaseAddress = server.BaseUrl, Authentication = HeaderAuthentication.Bearer(accessToken) });
        var me = await authed.GetAsync("users/me", cancellationToken).ConfigureAwait(false);
        using var meJson = me.ReadJsonDocument();
        console.MarkupLineInterpolated($"GET users/me → {meJson.RootElement.GetProperty("first_name").GetString()} {meJson.RootElement.GetProperty("last_name").GetString()}, verified: {meJson.RootElement.GetProperty("is_verified").GetBoolean()}.");

        var refreshed = await client.PostAsync("auth/refresh", Json(new JsonObject { ["refresh_token"] = refreshToken }), cancellationToken).ConfigureAwait(false);
        using var rotated = refreshed.ReadJsonDocument();
        var rotatedToken = rotated.RootElement.GetProperty("refresh_token").GetString();
        console.MarkupLine(rotatedToken != refreshToken
            ? "Refreshed: the refresh token was rotated (the old one is now revoked)."
            : throw new InvalidOperationException("The refresh token was not rotated."));
        var reuse = await client.SendAsync(
            new ApiRequest(HttpMethod.Post, "auth/refresh") { Body = Json(new JsonObject { ["refresh_token"] = refreshToken }), ThrowOnErrorStatus = false },
            cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Re-using the old refresh token answers {(int)reuse.StatusCode}: reuse is detected and the whole session family revoked.");
        if ((int)reuse.StatusCode != 401)
        {
            throw new InvalidOperationException($"Reusing a rotated refresh token answered {(int)reuse.StatusCode}, expected 401.");
        }
    }

    private static JsonBody Json(JsonObject body) => JsonBody.FromText(body.ToJsonString());
}
