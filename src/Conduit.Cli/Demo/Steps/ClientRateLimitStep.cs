using System.Diagnostics;
using Conduit.Http.RateLimiting;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Fires 25 calls at once through a 10 requests/s bucket (burst 5) and shows them spread over time.</summary>
internal sealed class ClientRateLimitStep : IDemoStep
{
    private const int Calls = 25;

    public string Name => "rate-limit";

    public string Title => "A client-side token bucket paces requests (10/s, burst 5)";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        using var client = await environment.CreateMistClientAsync(
            o => o.RateLimit = new RateLimitOptions { RequestsPerWindow = 1, Window = TimeSpan.FromMilliseconds(100), Burst = 5 },
            cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var sentAt = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async _ =>
        {
            await client.GetAsync("self", cancellationToken).ConfigureAwait(false);
            return watch.Elapsed;
        })).ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        var expected = TimeSpan.FromMilliseconds(100 * (Calls - 5));
        var chart = new BarChart().Label("Calls completed per 500 ms").Width(60);
        foreach (var bucket in sentAt.GroupBy(t => (int)(t.TotalMilliseconds / 500)).OrderBy(g => g.Key))
        {
            chart.AddItem($"{bucket.Key * 0.5:F1}–{(bucket.Key + 1) * 0.5:F1} s", bucket.Count(), Color.Blue);
        }

        environment.Console.Write(chart);
        environment.Console.MarkupLineInterpolated($"{Calls} calls took {elapsed.TotalSeconds:F2} s: 5 at once from the burst, then one every 100 ms (at least {expected.TotalSeconds:F1} s).");
        if (elapsed < expected - TimeSpan.FromMilliseconds(50))
        {
            throw new InvalidOperationException($"The limiter let {Calls} calls through in {elapsed.TotalSeconds:F2} s, faster than its rate allows.");
        }
    }
}
