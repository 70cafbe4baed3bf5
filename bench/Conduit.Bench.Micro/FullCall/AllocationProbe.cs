using System.Diagnostics;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// Bytes allocated per <c>GET /json</c> (whole process, precise; the target runs in a child process), for
/// each variant of <see cref="CallSetups"/>. Allocation does not depend on the machine's load, so the differences
/// between lines are the cost of each feature even on a busy machine. CPU time per call (client process only) is printed
/// too, as a rougher guide: the variants take turns over several rounds and each shows its median round, but the
/// figure still moves with the machine's load.
/// </summary>
internal static class AllocationProbe
{
    private const int Rounds = 5;

    public static async Task RunAsync(int calls, int concurrency, string? only = null)
    {
        using var target = LoopbackTarget.Start();
        using var process = Process.GetCurrentProcess();
        var drivers = CallSetups.All
            .Where((v, i) => i == 0 || only is null || v.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
            .Select(v => (v.Name, Driver: v.Create(target.BaseAddress))).ToList();
        try
        {
            foreach (var (_, driver) in drivers)
            {
                await SendAsync(driver, Math.Max(2_000, calls / 5), concurrency).ConfigureAwait(false);
            }

            var bytes = drivers.ToDictionary(d => d.Name, _ => 0.0);
            var cpu = drivers.ToDictionary(d => d.Name, _ => new List<double>());
            var perRound = Math.Max(1, calls / Rounds);
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var (name, driver) in drivers)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    await SendAsync(driver, perRound, concurrency).ConfigureAwait(false);
                    bytes[name] += GC.GetTotalAllocatedBytes(precise: true) - before;
                    process.Refresh();
                    cpu[name].Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / perRound);
                }
            }

            var baseline = bytes[drivers[0].Name] / (perRound * Rounds);
            foreach (var (name, _) in drivers)
            {
                var perCall = bytes[name] / (perRound * Rounds);
                var medianCpu = cpu[name].Order().ElementAt(Rounds / 2);
                Console.WriteLine($"{name,-45} {perCall,8:N0} B/call  {perCall - baseline,+8:+#,0;-#,0;0} vs raw  {medianCpu,6:F1} µs CPU/call");
            }
        }
        finally
        {
            drivers.ForEach(d => d.Driver.Dispose());
        }
    }

    /// <summary>Sends <paramref name="calls"/> requests, <paramref name="concurrency"/> at a time.</summary>
    private static async Task SendAsync(CallDriver driver, int calls, int concurrency)
    {
        var left = calls;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await driver.SendAsync().ConfigureAwait(false);
            }
        }))).ConfigureAwait(false);
    }
}
