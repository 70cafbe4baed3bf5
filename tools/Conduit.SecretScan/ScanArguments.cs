namespace Conduit.SecretScan;

/// <summary>The scanner's command line.</summary>
internal sealed record ScanArguments(string Registry, string Sink, string? Trx, string? Report)
{
    /// <summary>Reads <c>--registry</c>, <c>--sink</c>, <c>--trx</c> and <c>--report</c>; null when a required one is missing.</summary>
    public static ScanArguments? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        return values.TryGetValue("--registry", out var registry) && values.TryGetValue("--sink", out var sink)
            ? new ScanArguments(registry, sink, values.GetValueOrDefault("--trx"), values.GetValueOrDefault("--report"))
            : null;
    }
}
