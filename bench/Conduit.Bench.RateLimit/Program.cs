// Rate-limit accuracy: requests admitted over a span vs the configured budget, for the local bucket and for four
// limiters (each with its own Redis connection) sharing one Redis bucket. Usage:
//   dotnet run -c Release -- [seconds=60] [redis=127.0.0.1:6379]
using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Conduit.Http.RateLimiting;
using Conduit.Redis.RateLimiting;
using StackExchange.Redis;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var endpoint = args.Length > 1 ? args[1] : "127.0.0.1:6379";
const int Rate = 100;
const int Burst = 100;
var window = TimeSpan.FromSeconds(1);
var span = TimeSpan.FromSeconds(seconds);

Console.WriteLine($"budget: {Rate} per {window.TotalSeconds:0.##} s, burst {Burst}, span {seconds} s -> burst + rate x t = {Burst + Rate * seconds}");
var rows = new List<string>();

using (var local = new TimedTokenBucketRateLimiter(new RateLimitOptions { RequestsPerWindow = Rate, Window = window, Burst = Burst, QueueLimit = 0 }))
{
    Report("local TimedTokenBucketRateLimiter (1 instance, 4 threads)", Run([local, local, local, local], span));
}

var connections = Enumerable.Range(0, 4).Select(_ => ConnectionMultiplexer.Connect(new ConfigurationOptions
{
    EndPoints = { endpoint }, AbortOnConnectFail = false, BacklogPolicy = BacklogPolicy.FailFast,
})).ToArray();
var key = "bench:" + Guid.NewGuid().ToString("N");
var shared = connections.Select(c => (RateLimiter)new RedisTokenBucketRateLimiter(c, new RedisTokenBucketOptions
{
    Key = key, RequestsPerWindow = Rate, Window = window, Burst = Burst, QueueLimit = 0, Clock = RedisClock.Server,
})).ToArray();
Report("RedisTokenBucketRateLimiter (4 instances, 4 connections, server clock)", Run(shared, span));
foreach (var limiter in shared)
{
    limiter.Dispose();
}

foreach (var connection in connections)
{
    connection.Dispose();
}

// The fragment docs/benchmarks.md includes (see bench/Conduit.Bench/Report/BenchmarkReport.cs).
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conduit.slnx")))
{
    root = root.Parent;
}

if (root is not null)
{
    var fragment = Path.Combine(root.FullName, "docs", "benchmarks", "rate-limit.md");
    Directory.CreateDirectory(Path.GetDirectoryName(fragment)!);
    File.WriteAllText(fragment, string.Join('\n', [
        "### Rate-limit accuracy",
        "",
        $"`dotnet run -c Release --project bench/Conduit.Bench.RateLimit -- {seconds} <redis host:port>`: four threads take permits as fast as they can for {seconds} s from a bucket of {Rate} per {window.TotalSeconds:0.##} s, burst {Burst} (budget `burst + rate × t` = {Burst + Rate * seconds}); the Redis run uses four limiters on four connections sharing one key.",
        "",
        "| Limiter | Admitted | vs budget | Most in any 1 s span (bound " + (Burst + Rate) + ") | Spans over the bound |",
        "| --- | ---: | ---: | ---: | ---: |",
        .. rows,
        "",
    ]));
    Console.WriteLine($"Wrote {fragment}");
}

void Report(string name, List<double> admitted)
{
    var expected = Burst + Rate * seconds;
    admitted.Sort();
    // The largest number admitted in any span of one window (sliding): the bucket allows at most burst + rate.
    var worst = 0;
    for (int i = 0, j = 0; i < admitted.Count; i++)
    {
        while (admitted[i] - admitted[j] >= window.TotalSeconds)
        {
            j++;
        }

        worst = Math.Max(worst, i - j + 1);
    }

    var overWindows = 0;
    for (var start = 0.0; start + window.TotalSeconds <= seconds; start += 0.05)
    {
        var end = start + window.TotalSeconds;
        var count = admitted.Count(t => t >= start && t < end);
        if (count > Burst + Rate)
        {
            overWindows++;
        }
    }

    Console.WriteLine($"{name}: admitted {admitted.Count} of {expected} ({100.0 * (admitted.Count - expected) / expected:+0.00;-0.00}%), " +
        $"max in any {window.TotalSeconds:0.##} s span {worst} (bound {Burst + Rate}), windows over bound {overWindows}");
    rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {admitted.Count} | {100.0 * (admitted.Count - expected) / expected:+0.00;-0.00} % | {worst} | {overWindows} |"));
}

static List<double> Run(RateLimiter[] limiters, TimeSpan span)
{
    var clock = Stopwatch.StartNew();
    var admitted = new List<double>();
    var threads = limiters.Select(limiter => new Thread(() =>
    {
        var mine = new List<double>();
        while (clock.Elapsed < span)
        {
            using var lease = limiter.AttemptAcquire();
            if (lease.IsAcquired)
            {
                mine.Add(clock.Elapsed.TotalSeconds);
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        lock (admitted)
        {
            admitted.AddRange(mine.Where(t => t < span.TotalSeconds));
        }
    })).ToArray();
    foreach (var thread in threads)
    {
        thread.Start();
    }

    foreach (var thread in threads)
    {
        thread.Join();
    }

    return admitted;
}
