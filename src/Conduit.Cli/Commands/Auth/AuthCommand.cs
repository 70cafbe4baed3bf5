using System.CommandLine;
using System.Text.Json.Nodes;
using Conduit.AuthService;
using Conduit.Http;
using Spectre.Console;

namespace Conduit.Cli.Commands.Auth;

/// <summary>
/// <c>conduit auth …</c>: the auth service from the command line. Sessions are kept per server URL in a user-level
/// token file (mode 0600); passwords come from a hidden prompt or <c>--password-stdin</c>, never from arguments.
/// </summary>
internal static class AuthCommand
{
    /// <summary>The environment variable with the default server URL.</summary>
    public const string UrlVariable = "CONDUIT_AUTH_URL";

    public static Command Create(IAnsiConsole? console = null, TextReader? input = null)
    {
        var shared = new SharedOptions(
            new("--url") { Description = $"The auth service base URL, e.g. http://127.0.0.1:5000/api/ (default: ${UrlVariable}).", Recursive = true },
            new("--json") { Description = "Prints machine-readable JSON.", Recursive = true },
            new("--password-stdin") { Description = "Reads the password (then, where needed, the new password) from standard input, one per line.", Recursive = true },
            new("--token-file") { Description = "The session file (default: ~/.config/conduit/auth-tokens.json).", Recursive = true, Hidden = true });
        var email = new Option<string>("--email") { Description = "The account's email address.", Required = true };
        var first = new Option<string>("--first-name") { Description = "First name.", Required = true };
        var last = new Option<string>("--last-name") { Description = "Last name.", Required = true };
        var token = new Option<string>("--token") { Description = "The token from the email.", Required = true };

        var register = new Command("register", "Creates an account and signs in.") { email, first, last };
        Run(register, shared, console, input, async (c, r, io, ct) => Print(io, await c.RegisterAsync(r.GetValue(email)!, io.Password("Password"), r.GetValue(first)!, r.GetValue(last)!, ct).ConfigureAwait(false)));
        var login = new Command("login", "Signs in and keeps the session.") { email };
        Run(login, shared, console, input, async (c, r, io, ct) => Print(io, await c.LoginAsync(r.GetValue(email)!, io.Password("Password"), ct).ConfigureAwait(false)));
        var me = new Command("me", "Shows the signed-in user (refreshing the session if needed).");
        Run(me, shared, console, input, async (c, _, io, ct) => Print(io, await c.GetCurrentUserAsync(ct).ConfigureAwait(false)));
        var logout = new Command("logout", "Signs out and forgets the session.");
        Run(logout, shared, console, input, async (c, _, io, ct) => { await c.LogoutAsync(ct).ConfigureAwait(false); io.Done("Signed out."); });
        var verify = new Command("verify-email", "Verifies the email address with the token from the verification email.") { token };
        Run(verify, shared, console, input, async (c, r, io, ct) => { await c.VerifyEmailAsync(r.GetValue(token)!, ct).ConfigureAwait(false); io.Done("Email verified."); });
        var forgot = new Command("forgot-password", "Asks for a password-reset email (the answer is the same whether or not the account exists).") { email };
        Run(forgot, shared, console, input, async (c, r, io, ct) => { await c.ForgotPasswordAsync(r.GetValue(email)!, ct).ConfigureAwait(false); io.Done("If the account exists, a reset email is on its way."); });
        var reset = new Command("reset-password", "Sets a new password with the token from the reset email.") { token };
        Run(reset, shared, console, input, async (c, r, io, ct) => { await c.ResetPasswordAsync(r.GetValue(token)!, io.Password("New password"), ct).ConfigureAwait(false); io.Done("Password reset; sign in again."); });
        var change = new Command("change-password", "Changes the password of the signed-in user (other sessions end).");
        Run(change, shared, console, input, async (c, _, io, ct) => Print(io, await c.ChangePasswordAsync(io.Password("Current password"), io.Password("New password"), ct).ConfigureAwait(false)));
        var health = new Command("health", "Checks the service's health endpoint.");
        Run(health, shared, console, input, async (c, _, io, ct) =>
        {
            var status = await c.HealthCheckAsync(ct).ConfigureAwait(false);
            io.Write(new JsonObject { ["status"] = status.Status, ["database"] = status.Database, ["version"] = status.Version }, $"{status.Status} (database: {status.Database}, version {status.Version})");
        });

        return new Command("auth", "Uses the auth service: register, login, me, logout, password and email flows.")
        {
            shared.Url, shared.Json, shared.PasswordStdin, shared.TokenFile, register, login, me, logout, verify, forgot, reset, change, health,
        };
    }

    private static void Run(Command command, SharedOptions shared, IAnsiConsole? console, TextReader? input, Func<AuthClient, ParseResult, CommandIo, CancellationToken, Task> action)
    {
        command.SetAction(async (result, cancellationToken) =>
        {
            var io = new CommandIo(console ?? AnsiConsole.Console, input ?? Console.In, result.GetValue(shared.Json), result.GetValue(shared.PasswordStdin));
            var text = result.GetValue(shared.Url) ?? Environment.GetEnvironmentVariable(UrlVariable);
            if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                io.Error(string.IsNullOrWhiteSpace(text)
                    ? $"Give the auth service URL with --url or ${UrlVariable}."
                    : $"'{text}' is not an absolute http(s) URL.");
                return CliExitCodes.UsageError;
            }

            var store = new FileAuthTokenStore(result.GetValue(shared.TokenFile) ?? FileAuthTokenStore.DefaultPath(), url.AbsoluteUri);
            try
            {
                await using var client = new AuthClient(new AuthClientOptions { BaseUrl = url, TokenStore = store });
                await action(client, result, io, cancellationToken).ConfigureAwait(false);
                return CliExitCodes.Ok;
            }
            catch (ApiException ex)
            {
                io.Error(ex is AuthException auth && auth.ServerMessage is { Length: > 0 } message ? message : ex.Message);
                return CliExitCodes.For(ex);
            }
            catch (CommandInputException ex)
            {
                io.Error(ex.Message);
                return CliExitCodes.UsageError;
            }
        });
    }

    private static void Print(CommandIo io, AuthResponse session) =>
        io.Write(UserJson(session.User), $"Signed in as {session.User.FullName} <{session.User.Email}>; the session is saved.");

    private static void Print(CommandIo io, User user)
    {
        var table = new Table().HideHeaders().AddColumns("Field", "Value");
        table.AddRow("Name", Markup.Escape(user.FullName));
        table.AddRow("Email", Markup.Escape(user.Email));
        table.AddRow("Id", Markup.Escape(user.Id));
        table.AddRow("Role", Markup.Escape(user.Role));
        table.AddRow("Verified", user.IsVerified ? "yes" : "no");
        table.AddRow("Active", user.IsActive ? "yes" : "no");
        io.Write(UserJson(user), table);
    }

    private static JsonObject UserJson(User user) => new()
    {
        ["id"] = user.Id, ["email"] = user.Email, ["first_name"] = user.FirstName, ["last_name"] = user.LastName,
        ["role"] = user.Role, ["is_verified"] = user.IsVerified, ["is_active"] = user.IsActive,
    };

    /// <summary>The options every <c>auth</c> subcommand accepts.</summary>
    private sealed record SharedOptions(Option<string?> Url, Option<bool> Json, Option<bool> PasswordStdin, Option<string?> TokenFile);
}
