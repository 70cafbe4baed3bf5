namespace Conduit.Bench.Load;

/// <summary>What one client achieved at one concurrency.</summary>
internal sealed record LoadResult(
    string Client,
    int Concurrency,
    long Requests,
    long Errors,
    TimeSpan Duration,
    double P50Ms,
    double P99Ms,
    double AllocatedBytesPerRequest,
    double CpuMsPerRequest,
    double[] LatencyPercentilesMs)
{
    /// <summary>Completed requests per second.</summary>
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    /// <summary>Whether the result carries allocation and CPU figures (not for out-of-process peers).</summary>
    public bool HasProcessFigures => !double.IsNaN(AllocatedBytesPerRequest);

    /// <summary>The round with the median throughput, with requests, errors and time summed over all rounds and allocation averaged.</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> rounds)
    {
        var ordered = rounds.OrderBy(r => r.RequestsPerSecond).ToList();
        var median = ordered[ordered.Count / 2];
        var requests = rounds.Sum(r => r.Requests);
        return median with
        {
            AllocatedBytesPerRequest = rounds.Sum(r => r.AllocatedBytesPerRequest * r.Requests) / Math.Max(1, requests),
            CpuMsPerRequest = rounds.Sum(r => r.CpuMsPerRequest * r.Requests) / Math.Max(1, requests),
            Errors = rounds.Sum(r => r.Errors),
        };
    }
}
