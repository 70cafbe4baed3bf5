using System.CommandLine;
using Conduit.Sandbox;
using Spectre.Console;

namespace Conduit.Cli.Commands;

/// <summary><c>conduit sandbox</c>: runs the Mist sandbox on loopback until Ctrl+C.</summary>
internal static class SandboxCommand
{
    /// <summary>Builds the command with its options and action.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var httpsPort = new Option<int>("--https-port") { Description = "HTTPS port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var tokens = new Option<string[]>("--token") { Description = "An API token to accept (repeatable); one is generated when none is given.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the demo data (same seed, same ids and credentials).", DefaultValueFactory = _ => 1 };
        var quota = new Option<int>("--quota") { Description = "Calls per hour allowed to each token before 429 (Mist: 5000).", DefaultValueFactory = _ => 5000 };
        var faults = new Option<string?>("--faults") { Description = "Fault injection rules. " + MistSandboxFaultSpec.Syntax };
        var infoFile = new Option<string?>("--info-file") { Description = "Writes JSON with the URLs, certificate path, tokens, org/site ids and demo users (passwords, TOTP secrets)." };
        var command = new Command("sandbox", "Runs the offline Mist API sandbox (HTTP and HTTPS on 127.0.0.1) until Ctrl+C.")
        {
            port, httpsPort, tokens, seed, quota, faults, infoFile,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new MistSandboxOptions
            {
                Port = result.GetValue(port),
                HttpsPort = result.GetValue(httpsPort),
                Seed = result.GetValue(seed),
                HourlyQuota = result.GetValue(quota),
            };
            foreach (var token in result.GetValue(tokens) ?? [])
            {
                options.Tokens.Add(token);
            }

            try
            {
                foreach (var fault in MistSandboxFaultSpec.Parse(result.GetValue(faults)))
                {
                    options.Faults.Add(fault);
                }

                options.Validate();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(options, result.GetValue(infoFile), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(MistSandboxOptions options, string? infoFile, CancellationToken cancellationToken)
    {
        await using var sandbox = await MistSandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
        if (infoFile is not null)
        {
            await File.WriteAllTextAsync(infoFile, sandbox.ToInfoJson(), cancellationToken).ConfigureAwait(false);
        }

        Describe(sandbox, infoFile);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[grey]Stopping the sandbox.[/]");
        }

        return 0;
    }

    private static void Describe(MistSandbox sandbox, string? infoFile)
    {
        var table = new Table().AddColumn("What").AddColumn("Value");
        table.AddRow("HTTP", Markup.Escape(sandbox.BaseUrl));
        table.AddRow("HTTPS", Markup.Escape(sandbox.HttpsBaseUrl ?? "(off)"));
        table.AddRow("Stream", Markup.Escape(sandbox.StreamUrl));
        table.AddRow("Certificate (PEM)", Markup.Escape(sandbox.CertificatePemPath ?? "(none)"));
        table.AddRow("Mist document", Markup.Escape($"{MistSandbox.DocumentVersion}, {MistSandbox.OperationCount} operations"));
        foreach (var token in sandbox.Seed.Tokens)
        {
            table.AddRow("API token", Markup.Escape(token));
        }

        table.AddRow("MSP id", sandbox.Seed.MspId);
        table.AddRow("Org id", sandbox.Seed.OrgId);
        table.AddRow("Site ids", Markup.Escape(string.Join(Environment.NewLine, sandbox.Seed.SiteIds)));
        foreach (var user in sandbox.Seed.Users)
        {
            var secret = user.TotpSecret is null ? string.Empty : $"{Environment.NewLine}TOTP secret {user.TotpSecret}";
            table.AddRow(Markup.Escape($"User ({user.Role})"), Markup.Escape($"{user.Email}{Environment.NewLine}password {user.Password}{secret}"));
        }

        if (infoFile is not null)
        {
            table.AddRow("Info file", Markup.Escape(infoFile));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[green]Mist sandbox running.[/] Press Ctrl+C to stop.");
    }
}
