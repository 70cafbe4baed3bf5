using System.CommandLine;
using System.Security.Cryptography;
using Conduit.AuthServer;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Conduit.Cli.Commands;

/// <summary><c>conduit auth-server</c>: runs the JWT auth service on loopback until Ctrl+C.</summary>
internal static class AuthServerCommand
{
    /// <summary>The environment variable that supplies the JWT signing key (at least 32 bytes).</summary>
    public const string SigningKeyVariable = "CONDUIT_AUTH_SIGNING_KEY";

    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create(IAnsiConsole? console = null)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var database = new Option<string?>("--db") { Description = "SQLite database file (created if missing); in-memory when omitted." };
        var development = new Option<bool>("--dev") { Description = "Development mode: enables the admin routes, including the email outbox at GET admin/outbox." };
        var command = new Command("auth-server", $"Runs the auth service (JWT, SQLite) on 127.0.0.1 until Ctrl+C. The signing key comes from {SigningKeyVariable}; without it an ephemeral key is generated and tokens die with the process.")
        {
            port, database, development,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            var key = Environment.GetEnvironmentVariable(SigningKeyVariable);
            if (string.IsNullOrEmpty(key))
            {
                key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
                output.MarkupLine($"[yellow]{SigningKeyVariable} is not set: using an ephemeral signing key.[/]");
            }

            var path = result.GetValue(database);
            var options = new AuthServerOptions
            {
                Port = result.GetValue(port),
                SigningKey = key,
                ConnectionString = path is null ? null : $"Data Source={Path.GetFullPath(path)}",
                DevelopmentMode = result.GetValue(development),
            };
            AuthServerHost server;
            try
            {
                server = await AuthServerHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (OptionsValidationException ex)
            {
                output.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return 2;
            }

            await using (server.ConfigureAwait(false))
            {
                output.MarkupLineInterpolated($"Auth service listening on [blue]{server.BaseUrl}[/] ({(path is null ? "in-memory database" : path)}{(options.DevelopmentMode ? ", development mode" : string.Empty)}). Ctrl+C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    output.MarkupLine("[grey]Stopping the auth service.[/]");
                }
            }

            return 0;
        });
        return command;
    }
}
