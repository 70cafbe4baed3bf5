using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>
/// The figures of one run, shared by every test (an assembly fixture): cases run per property, robustness requests by
/// class and how they were answered, 5xx answers and crashes. When the run ends and
/// <c>CONDUIT_RELIABILITY_REPORT_DIR</c> is set, it writes them to <c>fuzz.md</c> in that folder.
/// </summary>
public sealed class FuzzReport : IDisposable
{
    /// <summary>The environment variable naming the folder fuzz.md is written to.</summary>
    public const string ReportDirectoryVariable = "CONDUIT_RELIABILITY_REPORT_DIR";

    /// <summary>Bugs the suite found in code it owns, fixed there; the named checks keep them fixed.</summary>
    private static readonly string[] Fixed =
    [
        "Http/Transport/HttpHandlerFactory.cs: a `Proxy.BypassList` entry that is not a regular expression (`\"*.local\"`, or any text bound from configuration) "
            + "escaped client construction as RegexParseException; it is now an OptionsValidationException naming the option "
            + "(`ConfigBindingProperties.ConduitClient_ProxyBypassEntryThatIsNotARegex_FailsWithAClearValidationError`).",
        "AuthServer/Security/EmailAddressRules.cs: the address regex ran with a 100 ms wall-clock match timeout, which fired for ordinary addresses on a busy "
            + "machine and turned `POST auth/register` into a 500 (RegexMatchTimeoutException); it now uses RegexOptions.NonBacktracking (linear time, no "
            + "timeout needed) (`AuthServerRobustnessTests`).",
    ];

    private readonly ConcurrentDictionary<string, PropertyFigure> _properties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Target, string Class), ConcurrentDictionary<string, int>> _answers = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentQueue<string> _crashes = new();
    private readonly ConcurrentQueue<string> _findings = new();
    private readonly ConcurrentDictionary<string, string> _measurements = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>The 5xx answers seen (each described without secrets).</summary>
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;

    /// <summary>Crashes seen: unexpected exception types, hangs, dropped connections.</summary>
    public IReadOnlyCollection<string> Crashes => _crashes;

    /// <summary>Records that a property ran <paramref name="cases"/> cases and held.</summary>
    public void Property(string name, string subject, int cases) =>
        _properties.AddOrUpdate(name, _ => new PropertyFigure(subject, cases), (_, f) => f with { Cases = f.Cases + cases });

    /// <summary>Counts one robustness request of <paramref name="requestClass"/> sent to <paramref name="target"/> and how it ended.</summary>
    public void Answer(string target, string requestClass, string outcome)
    {
        var counts = _answers.GetOrAdd((target, requestClass), static _ => new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
        counts.AddOrUpdate(outcome, 1, static (_, n) => n + 1);
    }

    /// <summary>Records a 5xx answer.</summary>
    public void ServerError(string description) => _serverErrors.Enqueue(description);

    /// <summary>Records a crash: an exception outside the expected family, a hang, or a dropped connection.</summary>
    public void Crash(string description) => _crashes.Enqueue(description);

    /// <summary>Records a bug found in code outside this suite's files, with its minimal failing input.</summary>
    public void Finding(string description)
    {
        if (!_findings.Contains(description))
        {
            _findings.Enqueue(description);
        }
    }

    /// <summary>Records a measured figure (for example the bytes allocated while refusing a huge body).</summary>
    public void Measure(string name, string value) => _measurements[name] = value;

    /// <summary>The figures of one robustness target as text lines (for test output).</summary>
    public IEnumerable<string> Describe(string target) =>
        _answers.Where(a => a.Key.Target == target).OrderBy(a => a.Key.Class, StringComparer.Ordinal)
            .Select(a => $"{a.Key.Class}: {a.Value.Values.Sum()} sent -> {Outcomes(a.Value)}");

    /// <summary>The whole report as Markdown.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Fuzzing and bad-input robustness");
        md.AppendLine();
        md.AppendLine("Written by `tests/Conduit.Fuzz.Tests` (issue #12) when `CONDUIT_RELIABILITY_REPORT_DIR` is set. Property tests use");
        md.AppendLine("CsCheck with a fixed number of cases each; robustness tests drive real Kestrel servers on loopback.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Properties run: {_properties.Count}, cases in total: {_properties.Values.Sum(p => p.Cases):N0}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Robustness inputs (requests to the servers, client calls against bad responses, configuration documents): {_answers.Values.Sum(c => c.Values.Sum()):N0}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- 5xx answers found: **{_serverErrors.Count}** (goal 0)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Crashes (unexpected exception types, hangs, dropped connections): **{_crashes.Count}** (goal 0)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Known bugs outside this suite's files, still present: **{_findings.Count}** (listed at the end; their inputs are kept out of the runs above)");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- Run: {_clock.Elapsed.TotalSeconds:F0} s wall, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds:F0} s CPU, on {Environment.ProcessorCount} cores (shared)");
        md.AppendLine();
        md.AppendLine("## Properties");
        md.AppendLine();
        md.AppendLine("| Property | Code under test | Cases |");
        md.AppendLine("|---|---|---:|");
        foreach (var (name, figure) in _properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {figure.Subject} | {figure.Cases:N0} |");
        }

        foreach (var target in _answers.Keys.Select(k => k.Target).Distinct().Order(StringComparer.Ordinal))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Robustness: {target}");
            md.AppendLine();
            md.AppendLine("| Request class | Sent | Answers |");
            md.AppendLine("|---|---:|---|");
            foreach (var (key, counts) in _answers.Where(a => a.Key.Target == target).OrderBy(a => a.Key.Class, StringComparer.Ordinal))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {key.Class} | {counts.Values.Sum():N0} | {Outcomes(counts)} |");
            }

            var totals = _answers.Where(a => a.Key.Target == target).SelectMany(a => a.Value)
                .GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(o => o.Value), StringComparer.Ordinal);
            md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{totals.Values.Sum():N0}** | {Outcomes(totals)} |");
        }

        if (!_measurements.IsEmpty)
        {
            md.AppendLine();
            md.AppendLine("## Measurements");
            md.AppendLine();
            md.AppendLine("| Measurement | Value |");
            md.AppendLine("|---|---|");
            foreach (var (name, value) in _measurements.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
            }
        }

        AppendList(md, "5xx answers", _serverErrors);
        AppendList(md, "Crashes", _crashes);
        AppendList(md, "Bugs found outside this suite's files (minimal failing input)", _findings);
        AppendList(md, "Fixed with this suite", Fixed);
        return md.ToString();
    }

    /// <summary>Writes fuzz.md when the run ends, if the report folder is set.</summary>
    public void Dispose()
    {
        var directory = Environment.GetEnvironmentVariable(ReportDirectoryVariable);
        if (string.IsNullOrWhiteSpace(directory) || (_properties.IsEmpty && _answers.IsEmpty))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "fuzz.md"), ToMarkdown());
    }

    private static string Outcomes(IEnumerable<KeyValuePair<string, int>> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value:N0}"));

    private static void AppendList(StringBuilder md, string title, IEnumerable<string> items)
    {
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        md.AppendLine();
        var any = false;
        foreach (var item in items)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {item}");
            any = true;
        }

        if (!any)
        {
            md.AppendLine("None.");
        }
    }

    private sealed record PropertyFigure(string Subject, int Cases);
}
