using System.CommandLine;
using System.Text.Json.Nodes;
using Conduit.Cli.Commands.Mist.Login;
using Conduit.Mist.Credentials;
using Conduit.Mist.Sessions;
using Spectre.Console;

namespace Conduit.Cli.Commands.Mist;

/// <summary><c>conduit mist login</c>, <c>logout</c> and <c>whoami</c>.</summary>
internal static class MistAccountCommands
{
    public static Command CreateLogin(MistCommandRunner runner)
    {
        var command = new Command("login", "Checks the credentials with GET /api/v1/self and remembers them for later commands: the API token (or the password) in the system keyring, else a token in a private file (mode 0600). A password is never written to a file.");
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            await using var session = await context.StartSessionAsync(useStoredLogin: false, cancellationToken).ConfigureAwait(false);
            var self = session.Self ?? await session.GetSelfAsync(cancellationToken).ConfigureAwait(false);
            var credentials = context.Resolution!.Credentials;
            var host = session.Cloud.BaseUri.AbsoluteUri;
            var (stored, keyringProblem) = session.Mode == MistAuthenticationMode.ApiToken
                ? await context.Store.SaveTokenAsync(host, ValidTokens(credentials, session), cancellationToken).ConfigureAwait(false)
                : await context.Store.SaveLoginAsync(host, credentials.User!, credentials.Password!, cancellationToken).ConfigureAwait(false);

            var where = stored.Storage switch
            {
                MistSecretStorage.Keyring => $"in the keyring ({context.Environment.Keyring.Name}, service '{stored.KeyringService}')",
                MistSecretStorage.File => $"in {context.Store.FilePath} (mode 0600)",
                _ => "nowhere",
            };
            var secret = stored.Kind == MistLoginKind.ApiToken ? "The API token is stored" : "The password is stored";
            var text = $"Logged in to {session.Cloud} as {Describe(self)} ({self.Privileges.Count} privileges). ";
            text += stored.Storage == MistSecretStorage.None
                ? $"The password is not stored (no usable keyring: {keyringProblem}); later commands ask for it, or set {MistCredentialKeys.Password}."
                : $"{secret} {where}.";
            if (stored.Storage == MistSecretStorage.File)
            {
                text += $" No usable keyring: {keyringProblem}";
            }

            context.Io.Write(
                new JsonObject
                {
                    ["ok"] = true,
                    ["email"] = self.Email,
                    ["name"] = self.FullName,
                    ["host"] = host,
                    ["auth"] = AuthName(session.Mode),
                    ["stored_in"] = stored.Storage.ToString().ToLowerInvariant(),
                    ["login_file"] = context.Store.FilePath,
                },
                context.Redactor.RedactText(text));
            return CliExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateLogout(MistCommandRunner runner)
    {
        var command = new Command("logout", "Forgets the login stored by 'conduit mist login' (keyring items and the login file). Commands that log in with email and password log out (POST /api/v1/logout) when they end, so no login session outlives a command.");
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            var forgotten = await context.Store.ForgetAsync(cancellationToken).ConfigureAwait(false);
            var text = forgotten is null
                ? "No Mist login was stored; nothing to forget."
                : $"Forgot the Mist login for {forgotten.Host}{(forgotten.Storage == MistSecretStorage.Keyring ? " (keyring items removed)" : string.Empty)}.";
            context.Io.Write(new JsonObject { ["ok"] = true, ["forgotten"] = forgotten is not null, ["host"] = forgotten?.Host, ["message"] = text }, text);
            return CliExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateWhoami(MistCommandRunner runner)
    {
        var command = new Command("whoami", "Shows who the credentials act as (GET /api/v1/self): name, email and privileges.");
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            await using var session = await context.StartSessionAsync(useStoredLogin: true, cancellationToken).ConfigureAwait(false);
            var self = session.Self ?? await session.GetSelfAsync(cancellationToken).ConfigureAwait(false);
            var privileges = new JsonArray();
            var table = new Table().AddColumns("Scope", "Role", "Name", "Org id", "Site id");
            foreach (var p in self.Privileges)
            {
                privileges.Add((JsonNode)new JsonObject
                {
                    ["scope"] = p.Scope, ["role"] = p.Role, ["name"] = p.Name, ["org_id"] = p.OrgId, ["site_id"] = p.SiteId, ["msp_id"] = p.MspId,
                });
                table.AddRow(Markup.Escape(p.Scope), Markup.Escape(p.Role), Markup.Escape(p.Name ?? "-"), Markup.Escape(p.OrgId ?? "-"), Markup.Escape(p.SiteId ?? "-"));
            }

            var json = new JsonObject
            {
                ["email"] = self.Email,
                ["first_name"] = self.FirstName,
                ["last_name"] = self.LastName,
                ["name"] = self.FullName,
                ["host"] = session.Cloud.BaseUri.AbsoluteUri,
                ["cloud"] = session.Cloud.Name,
                ["auth"] = AuthName(session.Mode),
                ["privileges"] = privileges,
            };
            if (context.Io.IsJson)
            {
                context.Io.WriteJson(json);
            }
            else
            {
                var console = context.Io.Console;
                console.MarkupLineInterpolated($"[bold]{Describe(self)}[/] on {session.Cloud} ({AuthName(session.Mode).Replace('_', ' ')})");
                console.Write(table);
            }

            return CliExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The tokens <c>/self</c> accepted, in order (invalid ones are not worth remembering).</summary>
    private static List<string> ValidTokens(MistCredentials credentials, MistSession session)
    {
        var tokens = (credentials.ApiTokens ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var status = session.Tokens;
        return [.. tokens.Where((_, i) => status.FirstOrDefault(s => s.Position == i + 1)?.IsValid ?? true)];
    }

    private static string Describe(MistSelf self) =>
        self.FullName.Length > 0 ? $"{self.FullName} <{self.Email}>" : self.Email ?? "(unknown user)";

    private static string AuthName(MistAuthenticationMode mode) => mode switch
    {
        MistAuthenticationMode.ApiToken => "api_token",
        MistAuthenticationMode.Login => "login",
        _ => mode.ToString().ToLowerInvariant(),
    };
}
