using System.Text;

namespace Conduit.Mist.Codegen.Sdk;

/// <summary>Turns document prose (Markdown-ish, any characters) into safe XML documentation content.</summary>
internal static class XmlDocText
{
    /// <summary>The longest documentation text kept, in characters; longer text is cut at a line end.</summary>
    public const int MaxLength = 1500;

    /// <summary>
    /// Escapes <paramref name="text"/> for an XML doc element: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are
    /// escaped, control characters dropped, line ends normalised, blank runs collapsed and trailing
    /// spaces trimmed. Returns null when nothing is left.
    /// </summary>
    public static string? Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (normalised.Length > MaxLength)
        {
            var cut = normalised.LastIndexOf('\n', MaxLength);
            normalised = normalised[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd() + " …";
        }

        var builder = new StringBuilder(normalised.Length + 16);
        var blank = 0;
        foreach (var rawLine in normalised.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
                if (blank > 0)
                {
                    builder.Append('\n');
                }
            }

            blank = 0;
            foreach (var c in line)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '\t': builder.Append(' '); break;
                    default:
                        if (!char.IsControl(c))
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Escapes text for use inside a C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
