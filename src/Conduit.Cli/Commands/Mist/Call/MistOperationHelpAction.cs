using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Conduit.Cli.Commands.Auth;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// <c>--help</c> of <c>conduit mist call</c>: with an operation named, that operation's parameters (as
/// <c>--describe</c>); without one, the command's usual help.
/// </summary>
internal sealed class MistOperationHelpAction(Argument<string?> operation, MistCliEnvironment environment, Option<bool> json) : SynchronousCommandLineAction
{
    private readonly HelpAction standard = new();

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var name = parseResult.GetValue(operation);
        if (string.IsNullOrWhiteSpace(name))
        {
            return standard.Invoke(parseResult);
        }

        var io = new CommandIo(environment.ResolveConsole(), TextReader.Null, parseResult.GetValue(json), passwordFromStdin: false);
        return MistCallCommand.Describe(io, name);
    }
}
