namespace Conduit.Bench.Report;

/// <summary>How the harness was asked to run.</summary>
internal sealed record RunSettings(bool Quick, TimeSpan Warmup, TimeSpan Duration, int[] Concurrency, string[]? OnlyClients, int Rounds);
