using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Conduit.Cli.Commands.Auth;

/// <summary>
/// Output (a table or text for people, JSON with <c>--json</c>), errors as one line (details only with
/// <c>--verbose</c>), and password input. Data goes to the console's writer as is; nothing written here is markup.
/// </summary>
internal sealed class CommandIo(IAnsiConsole console, TextReader input, bool json, bool passwordFromStdin, bool verbose = false)
{
    /// <summary>Compact JSON that keeps non-ASCII text and characters such as <c>+</c> readable (it is not embedded in HTML).</summary>
    private static readonly JsonSerializerOptions JsonText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The console people read.</summary>
    public IAnsiConsole Console => console;

    /// <summary>Whether output is JSON for scripts (<c>--json</c>).</summary>
    public bool IsJson => json;

    /// <summary>Whether error details are shown (<c>--verbose</c>).</summary>
    public bool IsVerbose => verbose;

    /// <summary>Writes one JSON value on one line (compact), whatever the mode.</summary>
    public void WriteJson(JsonNode? data) => console.Profile.Out.Writer.WriteLine(data?.ToJsonString(JsonText) ?? "null");

    /// <summary>Writes text as is: no markup, no wrapping at the console width.</summary>
    public void WriteRaw(string text) => console.Profile.Out.Writer.WriteLine(text);

    /// <summary>A secondary note for people (grey); nothing in JSON mode.</summary>
    public void Note(string text)
    {
        if (!json)
        {
            console.MarkupLineInterpolated($"[grey]{text}[/]");
        }
    }

    /// <summary>A warning for people (yellow); nothing in JSON mode.</summary>
    public void Warn(string text)
    {
        if (!json)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {text}");
        }
    }

    /// <summary>Reports an error as one line; with <c>--verbose</c> the details follow (as a <c>details</c> array in JSON).</summary>
    public void Error(string message, IReadOnlyList<string> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!verbose || details.Count == 0)
        {
            Error(message);
            return;
        }

        if (json)
        {
            console.Profile.Out.Writer.WriteLine(new JsonObject
            {
                ["ok"] = false,
                ["error"] = message,
                ["details"] = new JsonArray([.. details.Select(d => (JsonNode)JsonValue.Create(d))]),
            }.ToJsonString(JsonText));
            return;
        }

        Error(message);
        foreach (var detail in details)
        {
            console.MarkupLineInterpolated($"[grey]  {detail}[/]");
        }
    }

    public void Write(JsonObject data, string text)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(data.ToJsonString(JsonText));
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
            console.Profile.Out.Writer.WriteLine(data.ToJsonString(JsonText));
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
            console.Profile.Out.Writer.WriteLine(new JsonObject { ["ok"] = false, ["error"] = message }.ToJsonString(JsonText));
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
