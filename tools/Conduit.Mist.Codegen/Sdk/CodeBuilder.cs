using System.Text;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>Builds C# source text with four-space indentation and LF line ends, whatever the host platform.</summary>
internal sealed class CodeBuilder
{
    private readonly StringBuilder text = new();
    private int indent;

    /// <summary>Appends one line at the current indentation; an empty line has no trailing spaces.</summary>
    public CodeBuilder Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', indent * 4).Append(line);
        }

        text.Append('\n');
        return this;
    }

    /// <summary>Opens a brace block.</summary>
    public CodeBuilder Open()
    {
        Line("{");
        indent++;
        return this;
    }

    /// <summary>Closes a brace block, with an optional suffix such as <c>;</c>.</summary>
    public CodeBuilder Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    /// <summary>Indents the following lines one more level.</summary>
    public CodeBuilder Indent()
    {
        indent++;
        return this;
    }

    /// <summary>Undoes one <see cref="Indent"/>.</summary>
    public CodeBuilder Outdent()
    {
        indent--;
        return this;
    }

    /// <summary>Appends XML documentation lines (<c>///</c>) for an element with already escaped content.</summary>
    public CodeBuilder Doc(string element, string escapedContent, string? attributes = null)
    {
        var open = attributes is null ? element : $"{element} {attributes}";
        var lines = escapedContent.Split('\n');
        if (lines.Length == 1)
        {
            return Line($"/// <{open}>{lines[0]}</{element}>");
        }

        Line($"/// <{open}>");
        foreach (var line in lines)
        {
            Line(line.Length == 0 ? "///" : "/// " + line);
        }

        return Line($"/// </{element}>");
    }

    /// <inheritdoc />
    public override string ToString() => text.ToString();
}
