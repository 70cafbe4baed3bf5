using System.Diagnostics;

namespace Conduit.Bench.Load;

/// <summary>Per-worker latency samples in preallocated arrays, so recording allocates nothing during a run.</summary>
internal sealed class LatencyRecorder
{
    private readonly long[][] _samples;
    private readonly int[] _counts;

    public LatencyRecorder(int workers, int capacityPerWorker)
    {
        _samples = Enumerable.Range(0, workers).Select(_ => new long[capacityPerWorker]).ToArray();
        _counts = new int[workers];
    }

    public void Record(int worker, long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        var count = _counts[worker];
        var samples = _samples[worker];
        // Past capacity, overwrite round-robin: the distribution stays representative.
        samples[count % samples.Length] = elapsed;
        _counts[worker] = count + 1;
    }

    /// <summary>Latencies in milliseconds at the given percentiles (0–100).</summary>
    public double[] Percentiles(params double[] percentiles)
    {
        var all = _samples.SelectMany((s, i) => s.Take(Math.Min(_counts[i], s.Length))).Order().ToArray();
        if (all.Length == 0)
        {
            return [.. percentiles.Select(_ => double.NaN)];
        }

        return [.. percentiles.Select(p => all[Math.Clamp((int)Math.Ceiling(p / 100 * all.Length) - 1, 0, all.Length - 1)] * 1000.0 / Stopwatch.Frequency)];
    }
}
