using System.Diagnostics;

namespace Conduit.Bench.Load;

/// <summary>
/// Drives one client at a fixed concurrency for a fixed time after a warm-up and measures throughput, latency
/// percentiles, bytes allocated per request (whole process, precise) and CPU time per request.
/// </summary>
internal static class LoadRunner
{
    /// <summary>The percentiles kept for the latency CDF plot.</summary>
    public static readonly double[] CdfPercentiles = [.. Enumerable.Range(1, 99).Select(i => (double)i), 99.5, 99.9];

    public static Task WarmUpAsync(ILoadClient client, int concurrency, TimeSpan warmup) => DriveAsync(client, concurrency, warmup, recorder: null);

    public static async Task<LoadResult> RunAsync(ILoadClient client, int concurrency, TimeSpan duration)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var recorder = new LatencyRecorder(concurrency, Math.Max(1024, 2_000_000 / concurrency));
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var (requests, errors) = await DriveAsync(client, concurrency, duration, recorder).ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var p = recorder.Percentiles(50, 99);
        return new LoadResult(client.Name, concurrency, requests, errors, elapsed, p[0], p[1],
            requests == 0 ? double.NaN : (double)allocated / requests,
            requests == 0 ? double.NaN : cpu.TotalMilliseconds / requests,
            recorder.Percentiles(CdfPercentiles));
    }

    private static async Task<(long Requests, long Errors)> DriveAsync(ILoadClient client, int concurrency, TimeSpan duration, LatencyRecorder? recorder)
    {
        using var stop = new CancellationTokenSource(duration);
        var requests = new long[concurrency];
        var errors = new long[concurrency];
        if (client.IsSynchronous)
        {
            var threads = Enumerable.Range(0, concurrency).Select(worker => new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        client.Send(CancellationToken.None);
                        recorder?.Record(worker, start);
                        requests[worker]++;
                    }
                    catch (Exception)
                    {
                        errors[worker]++;
                    }
                }
            }) { IsBackground = true }).ToList();
            threads.ForEach(t => t.Start());
            await Task.Run(() => threads.ForEach(t => t.Join())).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        await client.SendAsync(CancellationToken.None).ConfigureAwait(false);
                        recorder?.Record(worker, start);
                        requests[worker]++;
                    }
                    catch (Exception)
                    {
                        errors[worker]++;
                    }
                }
            }))).ConfigureAwait(false);
        }

        return (requests.Sum(), errors.Sum());
    }
}
