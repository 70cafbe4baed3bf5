using Conduit.Bench.Load;
using ScottPlot;

namespace Conduit.Bench.Report;

/// <summary>Draws the PNG plots: throughput vs concurrency, latency CDF, allocations per request.</summary>
internal static class BenchmarkPlots
{
    public static IReadOnlyList<string> Draw(IReadOnlyList<LoadResult> results, string folder)
    {
        Directory.CreateDirectory(folder);
        return [Throughput(results, folder), LatencyCdf(results, folder), Allocations(results, folder)];
    }

    private static string Throughput(IReadOnlyList<LoadResult> results, string folder)
    {
        var plot = new Plot();
        foreach (var client in results.GroupBy(r => r.Client))
        {
            var points = client.OrderBy(r => r.Concurrency).ToArray();
            var line = plot.Add.Scatter(points.Select(p => Math.Log2(p.Concurrency)).ToArray(), points.Select(p => p.RequestsPerSecond).ToArray());
            line.LegendText = client.Key;
        }

        var levels = results.Select(r => r.Concurrency).Distinct().Order().ToArray();
        plot.Axes.Bottom.SetTicks(levels.Select(c => Math.Log2(c)).ToArray(), levels.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Title("Throughput vs concurrency");
        plot.XLabel("Concurrent callers");
        plot.YLabel("Requests/s");
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, "throughput.png");
    }

    private static string LatencyCdf(IReadOnlyList<LoadResult> results, string folder)
    {
        var concurrency = results.Select(r => r.Concurrency).Contains(64) ? 64 : results.Max(r => r.Concurrency);
        var plot = new Plot();
        foreach (var r in results.Where(r => r.Concurrency == concurrency))
        {
            var line = plot.Add.Scatter(r.LatencyPercentilesMs, LoadRunner.CdfPercentiles);
            line.LegendText = r.Client;
            line.MarkerSize = 0;
        }

        plot.Title($"Latency CDF at concurrency {concurrency}");
        plot.XLabel("Latency (ms)");
        plot.YLabel("Percentile");
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, folder, "latency-cdf.png");
    }

    private static string Allocations(IReadOnlyList<LoadResult> results, string folder)
    {
        var concurrency = results.Select(r => r.Concurrency).Contains(64) ? 64 : results.Max(r => r.Concurrency);
        var rows = results.Where(r => r.Concurrency == concurrency && r.HasProcessFigures).OrderBy(r => r.AllocatedBytesPerRequest).ToArray();
        var plot = new Plot();
        var bars = plot.Add.Bars(rows.Select(r => r.AllocatedBytesPerRequest).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows.Length).Select(i => (double)i).ToArray(), rows.Select(r => r.Client).ToArray());
        plot.Title($"Bytes allocated per request at concurrency {concurrency}");
        plot.XLabel("Bytes per request (client process)");
        plot.Axes.Margins(left: 0);
        return Save(plot, folder, "allocations.png");
    }

    private static string Save(Plot plot, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        plot.SavePng(path, 1000, 560);
        return path;
    }
}
