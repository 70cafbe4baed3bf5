using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Conduit.Bench.Load;
using Conduit.Bench.Load.Clients;
using Conduit.Bench.Report;
using Conduit.Bench.Target;

// dotnet run -c Release --project bench/Conduit.Bench -- [--quick] [--clients raw,conduit,…] [--concurrency 1,16,64,256] [--duration 5] [--rounds 5] [--docs docs] [--verbose]
//   The full run writes docs/benchmarks.md and docs/benchmarks/*.png. --quick (CI's smoke test: concurrency 64, short
//   rounds) writes to artifacts/bench-quick/ instead, so it never replaces the published figures; --docs overrides both.
// dotnet run -c Release --project bench/Conduit.Bench -- serve --port N   (the target; started by the harness itself)
if (args.Length >= 3 && args[0] == "serve")
{
    await TargetServer.RunAsync(int.Parse(args[2], CultureInfo.InvariantCulture), CancellationToken.None);
    return 0;
}

if (Option("--scenario") == "auth")
{
    var docsFolder = Path.GetFullPath(Option("--docs") ?? Path.Combine(FindRepositoryRoot(), "docs"));
    Console.WriteLine($"Wrote {await Conduit.Bench.Scenarios.AuthScenario.RunAsync(docsFolder, TimeSpan.FromSeconds(double.Parse(Option("--duration") ?? "4", CultureInfo.InvariantCulture)))}");
    return 0;
}

var quick = args.Contains("--quick");
var verbose = args.Contains("--verbose");
var settings = new RunSettings(
    quick,
    Warmup: TimeSpan.FromSeconds(quick ? 0.5 : 2),
    Duration: TimeSpan.FromSeconds(double.Parse(Option("--duration") ?? (quick ? "1.5" : "5"), CultureInfo.InvariantCulture)),
    Concurrency: (Option("--concurrency") ?? (quick ? "64" : "1,16,64,256")).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
    OnlyClients: Option("--clients")?.Split(','),
    Rounds: int.Parse(Option("--rounds") ?? (quick ? "2" : "5"), CultureInfo.InvariantCulture));
var docs = Path.GetFullPath(Option("--docs") ?? (quick ? Path.Combine(FindRepositoryRoot(), "artifacts", "bench-quick") : Path.Combine(FindRepositoryRoot(), "docs")));
var loadBefore = LoadAverage();

var port = FreePort();
using var target = Process.Start(TargetStartInfo(port))!;
try
{
    await WaitForPortAsync(port);
    var baseAddress = new Uri($"http://127.0.0.1:{port}/");
    var factories = new (string Key, Func<ILoadClient> Create)[]
    {
        ("raw", () => new RawHttpClientLoad(baseAddress)),
        ("conduit", () => new ConduitLoad(baseAddress, synchronous: false)),
        ("conduit-sync", () => new ConduitLoad(baseAddress, synchronous: true)),
        ("resilience", () => new ResilienceHandlerLoad(baseAddress)),
        ("refit", () => new RefitLoad(baseAddress)),
        ("restsharp", () => new RestSharpLoad(baseAddress)),
        ("flurl", () => new FlurlLoad(baseAddress)),
    };
    var results = new List<LoadResult>();
    var skipped = new List<string>();
    foreach (var concurrency in settings.Concurrency)
    {
        // Round-robin rounds: every client is measured once per round, so a burst of load from elsewhere on the
        // machine hits all clients alike instead of whichever happened to run then; each figure is the median round.
        var clients = factories.Where(f => settings.OnlyClients is null || settings.OnlyClients.Contains(f.Key) || f.Key == "raw")
            .Select(f => f.Create()).ToList();
        try
        {
            foreach (var client in clients)
            {
                await LoadRunner.WarmUpAsync(client, concurrency, settings.Warmup);
            }

            var rounds = clients.ToDictionary(c => c, _ => new List<LoadResult>());
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var client in clients)
                {
                    rounds[client].Add(await LoadRunner.RunAsync(client, concurrency, settings.Duration / settings.Rounds));
                    if (verbose)
                    {
                        var r = rounds[client][^1];
                        Console.WriteLine($"  round {round + 1}: {r.Client,-30} {r.RequestsPerSecond,10:N0} req/s  p99 {r.P99Ms,7:F2} ms  CPU {r.CpuMsPerRequest * 1000,5:F1} µs/req");
                    }
                }
            }

            foreach (var client in clients)
            {
                var result = LoadResult.Median(rounds[client]);
                results.Add(result);
                Console.WriteLine($"c={concurrency,-4} {result.Client,-30} {result.RequestsPerSecond,10:N0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,7:F2} ms  {result.AllocatedBytesPerRequest,7:N0} B/req  errors {result.Errors}");
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        foreach (var module in new[] { "requests", "httpx" })
        {
            if (settings.OnlyClients is not null && !settings.OnlyClients.Contains("python-" + module))
            {
                continue;
            }

            if (PythonPeer.Unavailable(module) is { } reason)
            {
                var text = $"Python {module}: {reason}.";
                if (!skipped.Contains(text))
                {
                    skipped.Add(text);
                }

                continue;
            }

            // The Python peers stop at 64 callers: beyond that they only measure their own thread or task overhead.
            if (concurrency > 64)
            {
                continue;
            }

            var result = await PythonPeer.RunAsync(module, baseAddress, concurrency, settings.Warmup, settings.Duration);
            results.Add(result);
            Console.WriteLine($"c={concurrency,-4} {result.Client,-30} {result.RequestsPerSecond,10:N0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,7:F2} ms");
        }
    }

    var plots = BenchmarkPlots.Draw(results, Path.Combine(docs, "benchmarks"));
    var report = BenchmarkReport.Write(results, skipped, docs, settings with { LoadAverage = (loadBefore, LoadAverage()) }, plots);
    Console.WriteLine($"Wrote {report}");
    return results.Any(r => r.Requests == 0) ? 1 : 0;
}
finally
{
    target.Kill(entireProcessTree: true);
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Conduit.slnx")))
        {
            return dir.FullName;
        }
    }

    return Environment.CurrentDirectory;
}

// The 1-minute load average (Linux), to say how busy the machine was; null elsewhere.
static double? LoadAverage()
{
    try
    {
        var text = File.ReadAllText("/proc/loadavg");
        return double.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }
    catch (IOException)
    {
        return null;
    }
    catch (UnauthorizedAccessException)
    {
        return null;
    }
}

// This program again with `serve`: through its apphost under `dotnet run`, or `dotnet exec` when run as `dotnet Conduit.Bench.dll`.
static ProcessStartInfo TargetStartInfo(int port)
{
    string[] serve = ["serve", "--port", port.ToString(CultureInfo.InvariantCulture)];
    var host = Environment.ProcessPath!;
    var start = Path.GetFileNameWithoutExtension(host) == "dotnet"
        ? new ProcessStartInfo(host, ["exec", typeof(TargetServer).Assembly.Location, .. serve])
        : new ProcessStartInfo(host, serve);
    start.UseShellExecute = false;
    return start;
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitForPortAsync(int port)
{
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < TimeSpan.FromSeconds(30))
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(50);
        }
    }

    throw new TimeoutException($"The target server did not start on port {port}.");
}
