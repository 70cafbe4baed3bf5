// Mist paging benchmark (issue 6):
//  1. GetAll of 20,000 devices (limit 100 -> 200 pages) with 20 ms injected latency per page,
//     one page at a time vs concurrently (the session default, 8 in flight): wall time ratio, identical results,
//     and the CPU each side spends per page.
//  2. Peak managed memory while enumerating 100,000 items through IAsyncEnumerable, against 20,000 items:
//     it must stay bounded by the pages in flight, not grow with the item count.
// The sandbox runs out of process (this program in `serve` mode), so client and server CPU are counted apart.
// Usage: dotnet run -c Release --project bench/Conduit.Bench.MistPaging [-- --runs 5] [--no-memory]
//        [--server URL --org ORG_ID --site SITE_ID]   (a sandbox started with `serve --token … --seconds N`, e.g. under a profiler)
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Conduit.Http;
using Conduit.Mist.Clouds;
using Conduit.Mist.Paging;
using Conduit.Mist.Sessions;

if (args.FirstOrDefault() == "serve")
{
    return await SandboxHost.RunAsync(args);
}

var runs = int.Parse(SandboxHost.Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
var memory = !args.Contains("--no-memory");
var external = SandboxHost.Option(args, "--server") is { } url
    ? SandboxProcess.Attach(url, SandboxHost.Option(args, "--org") ?? string.Empty, SandboxHost.Option(args, "--site") ?? string.Empty)
    : null;
const string Token = "bench-token-0123456789abcdef";
const int Latency = 20;
const int Limit = 100;

await using var load = new LoadAverage();
Console.WriteLine("## Mist paging benchmark");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at the start: {LoadAverage.Now()}; sandbox in its own process.");
Console.WriteLine();

// 22,222 devices, one in ten unassigned: 20,000 on the one site.
await using (var sandbox = external ?? await SandboxProcess.StartAsync(22_222, Latency, Token))
{
    await using var session = await Session(sandbox.BaseUrl);
    var path = $"/api/v1/sites/{sandbox.SiteId}/devices";
    var devices = BenchJson.Default.IListDevice;
    MistAsyncPageable<Device> Pageable(int concurrency) =>
        session.Client.PageAsync(ApiRequest.Get(path).WithQuery("type", "all").WithQuery("limit", Limit), devices).WithMaxConcurrency(concurrency);

    var modes = new[] { ("sequential", 1), ("concurrent", session.PageConcurrency) };

    // Warm up both paths (connections, JIT, tiered compilation).
    foreach (var (_, concurrency) in modes)
    {
        for (var i = 0; i < 3; i++)
        {
            await Pageable(concurrency).GetAllAsync();
        }
    }

    var measured = modes.ToDictionary(m => m.Item1, _ => new List<Measurement>());
    IReadOnlyList<Device>? reference = null;
    var identical = true;
    var pages = 0;
    for (var i = 0; i < runs; i++)
    {
        foreach (var (mode, concurrency) in modes)
        {
            var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var serverBefore = sandbox.CpuTime;
            var watch = Stopwatch.StartNew();
            var items = await Pageable(concurrency).GetAllAsync();
            var wall = watch.Elapsed;
            var client = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
            var server = sandbox.CpuTime - serverBefore;
            pages = (items.Count + Limit - 1) / Limit;
            measured[mode].Add(new Measurement(wall.TotalMilliseconds, client.TotalMilliseconds / pages, server?.TotalMilliseconds / pages));
            reference ??= items;
            identical &= items.Count == 20_000 && items.SequenceEqual(reference) && items.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() == items.Count;
        }
    }

    Console.WriteLine($"GetAll of {reference!.Count:N0} devices, {pages} pages of {Limit}, {Latency} ms injected latency per page, median of {runs} runs:");
    Console.WriteLine();
    Console.WriteLine("| Mode | Pages in flight | Wall time (ms) | Client CPU per page (ms) | Sandbox CPU per page (ms) |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var (mode, concurrency) in modes)
    {
        var m = measured[mode];
        var server = m[0].ServerCpuPerPage is null ? "n/a" : Median(m.Select(x => x.ServerCpuPerPage!.Value)).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {mode} | {concurrency} | {Median(m.Select(x => x.WallMs)):F0} | {Median(m.Select(x => x.ClientCpuPerPage)):F2} | {server} |");
    }

    var seq = Median(measured["sequential"].Select(x => x.WallMs));
    var con = Median(measured["concurrent"].Select(x => x.WallMs));
    Console.WriteLine();
    Console.WriteLine($"Ratio sequential / concurrent: **{seq / con:F1}×** (goal ≥ 5×; the ideal with {session.PageConcurrency} in flight is {Math.Min(session.PageConcurrency, pages):F0}×); identical results (every field, same order, 20,000 distinct ids) in every run: **{identical}**");
    Console.WriteLine($"Runs (sequential / concurrent, ms): {string.Join(", ", measured["sequential"].Zip(measured["concurrent"], (s, c) => $"{s.WallMs:F0}/{c.WallMs:F0}"))}");
    Console.WriteLine($"One-minute load average during the runs: {load.Range()} (now {LoadAverage.Now()})");
    Console.WriteLine();
}

if (memory)
{
    await using var sandbox = await SandboxProcess.StartAsync(100_000, 0, Token);
    await using var session = await Session(sandbox.BaseUrl);
    var path = $"/api/v1/orgs/{sandbox.OrgId}/inventory";
    ApiRequest Request() => ApiRequest.Get(path).WithQuery("limit", Limit);
    await session.Client.PageAsync(Request()).WithMaxConcurrency(1).GetNextPageAsync();
    await MeasureAsync(session, Request(), 20_000);

    Console.WriteLine($"Peak live managed heap above the baseline while enumerating the org inventory through IAsyncEnumerable<JsonElement> (pages of {Limit}, {session.PageConcurrency} in flight, full GC every 1,000 items, items not kept):");
    Console.WriteLine();
    Console.WriteLine("| Items enumerated | Pages | Peak above baseline (KiB) | Wall time (ms) |");
    Console.WriteLine("| ---: | ---: | ---: | ---: |");
    foreach (var count in new[] { 20_000, 100_000 })
    {
        var (seen, peak, wall) = await MeasureAsync(session, Request(), count);
        Console.WriteLine($"| {seen:N0} | {seen / Limit:N0} | {peak / 1024.0:N0} | {wall:F0} |");
    }

    Console.WriteLine();
    Console.WriteLine($"One-minute load average over the whole benchmark: {load.Range()}");
}

return 0;

static async Task<(int Seen, long Peak, double WallMs)> MeasureAsync(MistSession session, ApiRequest request, int count)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var baseline = GC.GetTotalMemory(forceFullCollection: true);
    long peak = 0;
    var seen = 0;
    var watch = Stopwatch.StartNew();
    await foreach (var item in session.Client.PageAsync(request))
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("Unexpected item.");
        }

        if (++seen % 1000 == 0)
        {
            // Live heap after a full collection: what the enumeration retains.
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        if (seen == count)
        {
            break;
        }
    }

    return (seen, peak, watch.Elapsed.TotalMilliseconds);
}

static Task<MistSession> Session(string baseUrl) => MistSession.StartAsync(new MistSessionOptions
{
    Cloud = MistCloud.Custom(new Uri(baseUrl)),
    ApiToken = Token,
    CallsPerTokenPerWindow = 1_000_000,
});

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
