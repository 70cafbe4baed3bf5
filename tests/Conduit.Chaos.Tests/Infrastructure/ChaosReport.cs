using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>
/// One chaos test's figures as a Markdown section. <see cref="Publish"/> prints it to the test output
/// and, when <c>CONDUIT_RELIABILITY_REPORT_DIR</c> is set, writes it into <c>chaos.md</c> in that
/// folder, replacing the same section of an earlier run and keeping the others.
/// </summary>
internal sealed partial class ChaosReport(string section, string title)
{
    public const string DirectoryVariable = "CONDUIT_RELIABILITY_REPORT_DIR";
    public const string FileName = "chaos.md";

    /// <summary>The sections in the order the file lists them.</summary>
    private static readonly string[] SectionOrder = ["mixed", "sandbox-restart", "redis-outage-fail-closed", "redis-outage-fallback-to-local"];

    private static readonly Lock FileLock = new();
    private readonly StringBuilder body = new();

    public void Paragraph(string markdown) => body.Append(markdown).Append("\n\n");

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        body.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        body.Append('|').AppendJoin("|", header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            body.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        body.Append('\n');
    }

    public string ToMarkdown() => $"## {title}\n\n{body.ToString().TrimEnd()}\n";

    public void Publish(ITestOutputHelper output)
    {
        var markdown = ToMarkdown();
        output.WriteLine(markdown);
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        lock (FileLock)
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FileName);
            var sections = File.Exists(path) ? ReadSections(File.ReadAllText(path)) : [];
            sections[section] = markdown;
            File.WriteAllText(path, Render(sections));
        }
    }

    public static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(long part, long whole) => whole == 0 ? "0 %" : (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static Dictionary<string, string> ReadSections(string text)
        => SectionPattern().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value.Trim() + "\n", StringComparer.Ordinal);

    private static string Render(Dictionary<string, string> sections)
    {
        var text = new StringBuilder();
        text.Append("# Chaos suite: figures\n\n")
            .Append("Written by `tests/Conduit.Chaos.Tests` when `").Append(DirectoryVariable).Append("` is set ")
            .Append("(`CONDUIT_RELIABILITY_REPORT_DIR=$PWD/docs/reliability dotnet test tests/Conduit.Chaos.Tests`). ")
            .Append("Every figure about what the server did comes from the sandbox's own counters (`MistSandbox.Counters`, ")
            .Append("`MistSandbox.Faults`), not from the client. Last written ")
            .Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" on ").Append(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)).Append(" cores, ")
            .Append(RuntimeInformation.FrameworkDescription).Append(".\n\n");
        foreach (var (name, markdown) in sections.OrderBy(s => Array.IndexOf(SectionOrder, s.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append("<!-- chaos:").Append(name).Append(" -->\n").Append(markdown.TrimEnd()).Append("\n<!-- /chaos:").Append(name).Append(" -->\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    [GeneratedRegex(@"<!-- chaos:(?<name>[a-z0-9-]+) -->\n(?<body>.*?)<!-- /chaos:\k<name> -->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SectionPattern();
}
