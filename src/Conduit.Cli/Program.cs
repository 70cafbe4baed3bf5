using System.CommandLine;
using Conduit.Cli.Commands;
using Conduit.Cli.Commands.Auth;
using Conduit.Cli.Commands.Integrations;
using Conduit.Cli.Commands.Mist;
using Conduit.Cli.Demo;
using Spectre.Console;

// One console for every command: no ANSI when NO_COLOR is set or output is redirected (see CliConsole).
AnsiConsole.Console = CliConsole.CreateForProcess();

var root = new RootCommand("conduit: the Conduit toolkit's command-line tool.")
{
    DemoCommand.Create(),
    SandboxCommand.Create(),
    AuthServerCommand.Create(),
    AuthCommand.Create(),
    IntegrationsCommand.Create(),
    MistCommand.Create(),
};
return await CliInvocation.InvokeAsync(CliInvocation.Parse(root, args));
