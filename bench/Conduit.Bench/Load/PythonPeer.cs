using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Conduit.Bench.Load;

/// <summary>Runs the Python peers (<c>requests</c> with threads, <c>httpx</c> with asyncio) from Debian's python3.</summary>
internal static class PythonPeer
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Why the peer cannot run here, or null when it can.</summary>
    public static string? Unavailable(string module)
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is not installed";
        }

        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", $"import {module}"]) { RedirectStandardError = true, UseShellExecute = false })!;
        check.WaitForExit();
        return check.ExitCode == 0 ? null : $"the Python module '{module}' is not installed (Debian package python3-{module})";
    }

    public static async Task<LoadResult> RunAsync(string module, Uri baseAddress, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", module + "_load.py");
        var start = new ProcessStartInfo(Python,
        [
            script, new Uri(baseAddress, "json").ToString(),
            concurrency.ToString(CultureInfo.InvariantCulture),
            warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python {module} peer failed: {error}");
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var percentiles = root.GetProperty("percentiles_ms").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new LoadResult(
            $"Python {module}", concurrency, root.GetProperty("requests").GetInt64(), root.GetProperty("errors").GetInt64(),
            TimeSpan.FromSeconds(root.GetProperty("seconds").GetDouble()), root.GetProperty("p50_ms").GetDouble(), root.GetProperty("p99_ms").GetDouble(),
            double.NaN, double.NaN, percentiles);
    }
}
