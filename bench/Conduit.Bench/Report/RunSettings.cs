namespace Conduit.Bench.Report;

/// <summary>How the harness was asked to run.</summary>
internal sealed record RunSettings(bool Quick, TimeSpan Warmup, TimeSpan Duration, int[] Concurrency, string[]? OnlyClients, int Rounds)
{
    /// <summary>The machine's 1-minute load average when the run started and when it ended (null where unknown).</summary>
    public (double? Start, double? End) LoadAverage { get; init; }
}
