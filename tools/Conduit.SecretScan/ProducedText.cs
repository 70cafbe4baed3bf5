using System.Xml.Linq;

namespace Conduit.SecretScan;

/// <summary>One piece of text the test suite produced, with its kind and where it was read.</summary>
internal sealed record ProducedText(string Kind, string Text, string Source)
{
    /// <summary>The records of one sink file: <c>kind TAB text</c> per line.</summary>
    public static IEnumerable<ProducedText> FromSinkFile(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            yield return tab < 0
                ? new ProducedText("unknown", line, $"{Path.GetFileName(path)}:{number}")
                : new ProducedText(line[..tab], line[(tab + 1)..], $"{Path.GetFileName(path)}:{number}");
        }
    }

    /// <summary>The test output of a VSTest results file: standard output and error, messages, stack traces.</summary>
    public static IEnumerable<ProducedText> FromTrx(XDocument document, string path)
    {
        foreach (var element in document.Descendants())
        {
            var kind = element.Name.LocalName switch
            {
                "StdOut" or "StdErr" or "DebugTrace" => "test output",
                "Message" => "test failure message",
                "StackTrace" => "test stack trace",
                _ => null,
            };
            if (kind is not null && !element.HasElements && element.Value.Length > 0)
            {
                yield return new ProducedText(kind, element.Value, Path.GetFileName(path));
            }
        }
    }
}
