using Conduit.AuthServer.Email;
using Conduit.AuthService;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>
/// With <see cref="AuthClient"/> against the embedded auth service: registers, verifies the email from the outbox,
/// logs in, reads the current user, then lets the short-lived access token expire and shows it refreshed transparently.
/// </summary>
internal sealed class AuthServiceStep : IDemoStep
{
    public string Name => "auth";

    public string Title => "Auth service: register, verify email, login, current user, transparent refresh";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var server = await environment.GetAuthServerAsync(cancellationToken).ConfigureAwait(false);
        var console = environment.Console;
        console.MarkupLineInterpolated($"Auth service on [blue]{server.BaseUrl}[/] (access tokens live {DemoEnvironment.AccessTokenLifetime.TotalSeconds:F0} s in the demo).");
        await using var client = new AuthClient(new AuthClientOptions { BaseUrl = server.BaseUrl, RefreshBeforeExpiry = TimeSpan.FromSeconds(1) });
        var email = $"ada.{Guid.NewGuid():N}"[..16] + "@example.com";
        var password = "Demo-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "1a!";

        var registered = await client.RegisterAsync(email, password, "Ada", "Lovelace", cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Registered [bold]{registered.User.FullName}[/] <{email}>; verified: {registered.User.IsVerified}.");

        var mail = await server.Outbox.FindLatestAsync(email, EmailKind.EmailVerification, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No verification email reached the outbox.");
        await client.VerifyEmailAsync(mail.Token, cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Verified the address with the token from the outbox email \"{mail.Subject}\".");

        var session = await client.LoginAsync(email, password, cancellationToken).ConfigureAwait(false);
        var me = await client.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Logged in (token expires in {session.ExpiresIn} s); GET users/me → {me.FullName}, verified: {me.IsVerified}.");

        var before = await client.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(DemoEnvironment.AccessTokenLifetime, cancellationToken).ConfigureAwait(false);
        me = await client.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        var after = await client.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (before is null || after is null || before == after)
        {
            throw new InvalidOperationException("The access token was not refreshed after it expired.");
        }

        console.MarkupLineInterpolated($"After {DemoEnvironment.AccessTokenLifetime.TotalSeconds:F0} s the access token had expired; the next call refreshed it transparently (the refresh token rotated too) and returned {me.FullName}.");
        await client.LogoutAsync(cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Logged out; authenticated: {await client.IsAuthenticatedAsync(cancellationToken).ConfigureAwait(false)}.");
    }
}
