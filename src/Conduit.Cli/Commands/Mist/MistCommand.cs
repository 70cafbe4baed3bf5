using System.CommandLine;
using Conduit.Cli.Commands.Mist.Call;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// <c>conduit mist login|logout|whoami|orgs|sites|devices|call|stream</c>: the Mist API from the command line, on the
/// Conduit.Mist library (sessions, credential sources, paging, streaming) and the generated API.
/// </summary>
internal static class MistCommand
{
    /// <summary>Builds the command tree.</summary>
    /// <param name="environment">Console, input, environment, keyring, prompt and clock; the process's when null.</param>
    public static Command Create(MistCliEnvironment? environment = null)
    {
        environment ??= new MistCliEnvironment();
        var options = MistCommandOptions.Create();
        var runner = new MistCommandRunner(environment, options);
        var command = new Command("mist", "Uses the Juniper Mist API: login, orgs, sites, devices, any operation by name, and the WebSocket stream.");
        foreach (var option in options.All())
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(MistAccountCommands.CreateLogin(runner));
        command.Subcommands.Add(MistAccountCommands.CreateLogout(runner));
        command.Subcommands.Add(MistAccountCommands.CreateWhoami(runner));
        command.Subcommands.Add(MistListCommands.CreateOrgs(runner));
        command.Subcommands.Add(MistListCommands.CreateSites(runner));
        command.Subcommands.Add(MistListCommands.CreateDevices(runner));
        command.Subcommands.Add(MistCallCommand.Create(runner, environment, options));
        command.Subcommands.Add(MistStreamCommand.Create(runner));
        return command;
    }
}
