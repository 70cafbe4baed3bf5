using System.CommandLine;
using Conduit.Cli.Commands;

var root = new RootCommand("conduit: the Conduit toolkit's command-line tool.")
{
    SandboxCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
