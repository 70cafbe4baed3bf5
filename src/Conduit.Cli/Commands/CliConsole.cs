using Spectre.Console;

namespace Conduit.Cli.Commands;

/// <summary>
/// Creates the tool's console, the one place output styling is decided: no ANSI escapes at all (no colours, no bold)
/// when <c>NO_COLOR</c> is set to a non-empty value (https://no-color.org) or when standard output is not a terminal,
/// and nothing interactive (prompts, live progress) unless standard output and input are terminals.
/// </summary>
internal static class CliConsole
{
    /// <summary>The variable that turns colours and other ANSI styling off.</summary>
    public const string NoColorVariable = "NO_COLOR";

    /// <summary>The console of this process, over standard output.</summary>
    public static IAnsiConsole CreateForProcess() =>
        Create(Console.Out, isTerminal: !Console.IsOutputRedirected, inputIsTerminal: !Console.IsInputRedirected, Environment.GetEnvironmentVariable);

    /// <summary>A console over <paramref name="output"/>.</summary>
    /// <param name="output">Where everything is written.</param>
    /// <param name="isTerminal">Whether <paramref name="output"/> is a terminal (not redirected to a file or a pipe).</param>
    /// <param name="inputIsTerminal">Whether standard input is a terminal, so questions can be answered.</param>
    /// <param name="getVariable">The environment lookup (<c>NO_COLOR</c>).</param>
    /// <param name="terminalAnsi">How ANSI support is decided for a terminal: detected by default; tests force it.</param>
    public static IAnsiConsole Create(TextWriter output, bool isTerminal, bool inputIsTerminal, Func<string, string?> getVariable, AnsiSupport terminalAnsi = AnsiSupport.Detect)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(getVariable);
        var plain = IsNoColor(getVariable) || !isTerminal;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = plain ? AnsiSupport.No : terminalAnsi,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = isTerminal && inputIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    /// <summary>Whether <c>NO_COLOR</c> is set to a non-empty value.</summary>
    public static bool IsNoColor(Func<string, string?> getVariable) => !string.IsNullOrEmpty(getVariable(NoColorVariable));

    /// <summary>Whether live displays (progress bars) make sense: an interactive console that understands ANSI.</summary>
    public static bool CanShowLiveDisplay(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
}
