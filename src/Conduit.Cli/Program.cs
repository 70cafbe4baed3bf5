using System.CommandLine;
using Conduit.Cli.Commands;
using Conduit.Cli.Commands.Auth;
using Conduit.Cli.Commands.Integrations;
using Conduit.Cli.Demo;

var root = new RootCommand("conduit: the Conduit toolkit's command-line tool.")
{
    DemoCommand.Create(),
    SandboxCommand.Create(),
    AuthServerCommand.Create(),
    AuthCommand.Create(),
    IntegrationsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
