using System.Xml.Linq;
using Conduit.SecretScan;

// Usage: Conduit.SecretScan --registry tests/secrets.txt --sink DIR [--trx DIR] [--report FILE]
// Exit codes: 0 no secret found, 1 a secret was found, 2 bad usage or unreadable input.
var arguments = ScanArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: Conduit.SecretScan --registry FILE --sink DIR [--trx DIR] [--report FILE]");
    return 2;
}

if (!File.Exists(arguments.Registry) || !Directory.Exists(arguments.Sink))
{
    Console.Error.WriteLine($"secret scan: registry '{arguments.Registry}' or sink folder '{arguments.Sink}' does not exist.");
    return 2;
}

SecretRegistry registry;
try
{
    registry = SecretRegistry.Load(arguments.Registry, Directory.EnumerateFiles(arguments.Sink, "*.secrets"));
}
catch (InvalidDataException e)
{
    Console.Error.WriteLine("secret scan: " + e.Message);
    return 2;
}

var corpus = new List<ProducedText>();
foreach (var file in Directory.EnumerateFiles(arguments.Sink, "*.log"))
{
    corpus.AddRange(ProducedText.FromSinkFile(file));
}

if (arguments.Trx is { } trx && Directory.Exists(trx))
{
    foreach (var file in Directory.EnumerateFiles(trx, "*.trx", SearchOption.AllDirectories))
    {
        corpus.AddRange(ProducedText.FromTrx(XDocument.Load(file), file));
    }
}

var leaks = new List<string>();
foreach (var text in corpus)
{
    foreach (var secret in registry.Secrets)
    {
        if (text.Text.Contains(secret.Value, StringComparison.Ordinal))
        {
            // Never print the secret itself: name where it came from and where it was found.
            leaks.Add($"secret from {secret.Origin} found in {text.Source} ({text.Kind})");
        }
    }
}

var byKind = corpus.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
var summary = $"secret scan: {registry.Secrets.Count} secrets ({registry.FromFile} registered in {Path.GetFileName(arguments.Registry)}, "
    + $"{registry.Secrets.Count - registry.FromFile} generated at run time) checked against {corpus.Count} texts "
    + $"({string.Join(", ", byKind)}): {leaks.Count} leaks";
Console.WriteLine(summary);
foreach (var leak in leaks.Distinct().Take(50))
{
    Console.WriteLine("  " + leak);
}

if (arguments.Report is { } report)
{
    File.WriteAllText(report, summary + Environment.NewLine);
}

return leaks.Count == 0 ? 0 : 1;
