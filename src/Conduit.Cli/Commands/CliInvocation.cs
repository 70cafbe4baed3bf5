using System.CommandLine;
using System.CommandLine.Invocation;

namespace Conduit.Cli.Commands;

/// <summary>Parses and runs command lines with the tool's exit codes: a command line that does not parse is a usage error (2), not System.CommandLine's 1.</summary>
internal static class CliInvocation
{
    /// <summary>
    /// Parses a command line. <c>@file</c> response files are off: <c>@file</c> is how options such as
    /// <c>--body @body.json</c> name a file to read.
    /// </summary>
    public static ParseResult Parse(Command root, IReadOnlyList<string> args) =>
        root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    public static async Task<int> InvokeAsync(ParseResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var code = await result.InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Action is ParseErrorAction ? CliExitCodes.UsageError : code;
    }
}
