using System.Diagnostics;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// Runs one variant of <see cref="CallSetups"/> at a fixed concurrency for a while and prints its throughput: a steady
/// load to attach a profiler to (<c>dotnet-trace collect --profile cpu-sampling -- dotnet Conduit.Bench.Micro.dll loop …</c>).
/// </summary>
internal static class LoadLoop
{
    public static async Task RunAsync(string variant, TimeSpan duration, int concurrency)
    {
        // "in-memory": the full pipeline over InMemoryHandler, to profile Conduit's own code without the network.
        using var target = variant == "in-memory" ? null : LoopbackTarget.Start();
        var (name, create) = variant == "in-memory"
            ? ("Conduit full pipeline, in memory", (Func<Uri, CallDriver>)(b => CallSetups.ConduitOver(new InMemoryHandler(), b)))
            : CallSetups.All.First(v => v.Name.Contains(variant, StringComparison.OrdinalIgnoreCase));
        using var driver = create(target?.BaseAddress ?? new Uri("http://127.0.0.1:5000/"));
        var watch = Stopwatch.StartNew();
        var requests = 0L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                await driver.SendAsync().ConfigureAwait(false);
                Interlocked.Increment(ref requests);
            }
        }))).ConfigureAwait(false);
        Console.WriteLine($"{name}: {requests / watch.Elapsed.TotalSeconds:N0} req/s at concurrency {concurrency}");
    }
}
