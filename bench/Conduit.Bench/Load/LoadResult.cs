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
}
