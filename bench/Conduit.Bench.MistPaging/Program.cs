// Mist paging benchmark (issue 6):
//  1. GetAll of 20,000 devices (limit 100 -> 200 pages) with 20 ms injected latency per page,
//     one page at a time vs concurrently (the session default, 8 in flight): wall time ratio, identical results.
//  2. Peak managed memory while enumerating 100,000 items through IAsyncEnumerable, against 20,000 items:
//     it must stay bounded by the pages in flight, not grow with the item count.
// Part 1 pages a site's device list (the sandbox serves it from cached bytes); part 2 pages the org inventory
// (100,000 devices, built per request by the sandbox, so limit 1000 keeps the run short).
// Usage: dotnet run -c Release --project bench/Conduit.Bench.MistPaging [-- --runs 3]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conduit.Http;
using Conduit.Mist.Clouds;
using Conduit.Mist.Paging;
using Conduit.Mist.Sessions;
using Conduit.Sandbox;

var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var memory = !args.Contains("--no-memory");
const string Token = "bench-token-0123456789abcdef";

Console.WriteLine("## Mist paging benchmark");
Console.WriteLine();

// 22,222 devices, one in ten unassigned: 20,000 on the one site.
await using (var sandbox = await StartSandbox(22_222))
{
    await using var session = await Session(sandbox);
    var path = $"/api/v1/sites/{sandbox.Seed.SiteIds[0]}/devices";
    sandbox.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, PathPattern = path, Delay = TimeSpan.FromMilliseconds(20) });
    ApiRequest Request() => ApiRequest.Get(path).WithQuery("type", "all").WithQuery("limit", 100);

    // Warm up both paths (connections, JIT).
    var devices = BenchJson.Default.IListDevice;
    await session.Client.PageAsync(Request(), devices).WithMaxConcurrency(1).GetAllAsync();
    await session.Client.PageAsync(Request(), devices).GetAllAsync();

    var sequential = new List<double>();
    var concurrent = new List<double>();
    IReadOnlyList<Device> seqItems = [], conItems = [];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        seqItems = await session.Client.PageAsync(Request(), devices).WithMaxConcurrency(1).GetAllAsync();
        sequential.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        conItems = await session.Client.PageAsync(Request(), devices).GetAllAsync();
        concurrent.Add(watch.Elapsed.TotalMilliseconds);
    }

    var identical = seqItems.Select(d => d.Id).SequenceEqual(conItems.Select(d => d.Id)) && conItems.Select(d => d.Id).Distinct().Count() == conItems.Count;
    var seq = Median(sequential);
    var con = Median(concurrent);
    Console.WriteLine($"GetAll of {conItems.Count:N0} devices, {conItems.Count / 100} pages of 100, 20 ms latency per page, median of {runs} runs:");
    Console.WriteLine();
    Console.WriteLine("| Mode | Pages in flight | Wall time (ms) |");
    Console.WriteLine("| --- | ---: | ---: |");
    Console.WriteLine($"| sequential | 1 | {seq:F0} |");
    Console.WriteLine($"| concurrent | {session.PageConcurrency} | {con:F0} |");
    Console.WriteLine();
    Console.WriteLine($"Ratio sequential / concurrent: **{seq / con:F1}×** (goal ≥ 5×); identical results: **{identical}**; items typed with a source-generated record");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average at the end: {LoadAverage()}");
    Console.WriteLine();
}

if (memory)
{
await using var sandbox = await StartSandbox(100_000);
{
    await using var session = await Session(sandbox);
    var path = $"/api/v1/orgs/{sandbox.Seed.OrgId}/inventory";
    ApiRequest Request() => ApiRequest.Get(path).WithQuery("limit", 1000);
    await session.Client.PageAsync(Request()).WithMaxConcurrency(1).GetNextPageAsync();

    Console.WriteLine($"Peak live managed heap above the baseline while enumerating the inventory (pages of 1000, {session.PageConcurrency} in flight, full GC every 5,000 items, items not kept):");
    Console.WriteLine();
    Console.WriteLine("| Items enumerated | Pages | Peak above baseline (MiB) |");
    Console.WriteLine("| ---: | ---: | ---: |");
    foreach (var count in new[] { 20_000, 100_000 })
    {
        var (seen, peak) = await MeasureAsync(session, Request(), count);
        Console.WriteLine($"| {seen:N0} | {seen / 1000} | {peak / 1024.0 / 1024.0:F1} |");
    }

    Console.WriteLine();
}

}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task<(int Seen, long Peak)> MeasureAsync(MistSession session, ApiRequest request, int count)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var baseline = GC.GetTotalMemory(forceFullCollection: true);
    long peak = 0;
    var seen = 0;
    await foreach (var item in session.Client.PageAsync(request))
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("Unexpected item.");
        }

        if (++seen % 5000 == 0)
        {
            // Live heap after a full collection: what the enumeration retains (the sandbox's garbage does not count).
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        if (seen == count)
        {
            break;
        }
    }

    return (seen, peak);
}

static async Task<MistSandbox> StartSandbox(int devices)
{
    var options = new MistSandboxOptions { DeviceCount = devices, SiteCount = 1, EnableHttps = false, HourlyQuota = 1_000_000, StreamInterval = TimeSpan.Zero };
    options.Tokens.Add(Token);
    return await MistSandbox.StartAsync(options);
}

static Task<MistSession> Session(MistSandbox sandbox) => MistSession.StartAsync(new MistSessionOptions
{
    Cloud = MistCloud.Custom(new Uri(sandbox.BaseUrl)),
    ApiToken = Token,
    CallsPerTokenPerWindow = 1_000_000,
});

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>The fields of a device the benchmark reads.</summary>
internal sealed record Device(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("mac")] string? Mac,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("type")] string? Type);

[JsonSerializable(typeof(IList<Device>))]
internal sealed partial class BenchJson : JsonSerializerContext;
