using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Conduit.Cli.Commands.Auth;

/// <summary>Output (a table or text for people, JSON with <c>--json</c>), errors as one line, and password input.</summary>
internal sealed class CommandIo(IAnsiConsole console, TextReader input, bool json, bool passwordFromStdin)
{
    public void Write(JsonObject data, string text)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(data.ToJsonString());
        }
        else
        {
            console.WriteLine(text);
        }
    }

    public void Write(JsonObject data, IRenderable view)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(data.ToJsonString());
        }
        else
        {
            console.Write(view);
        }
    }

    public void Done(string text) => Write(new JsonObject { ["ok"] = true, ["message"] = text }, text);

    public void Error(string message)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(new JsonObject { ["ok"] = false, ["error"] = message }.ToJsonString());
        }
        else
        {
            console.MarkupLineInterpolated($"[red]error:[/] {message}");
        }
    }

    /// <summary>Reads a password from standard input (with <c>--password-stdin</c>) or a hidden prompt on a terminal.</summary>
    public string Password(string label)
    {
        if (passwordFromStdin)
        {
            return input.ReadLine() is { Length: > 0 } line
                ? line.TrimEnd('\r')
                : throw new CommandInputException($"{label}: standard input ended before a password line.");
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            throw new CommandInputException($"{label} is needed: run in a terminal, or pass --password-stdin and pipe it in.");
        }

        return console.Prompt(new TextPrompt<string>($"{label}:").Secret());
    }
}

/// <summary>The command line or its input is unusable (exit code 2).</summary>
internal sealed class CommandInputException(string message) : Exception(message);
