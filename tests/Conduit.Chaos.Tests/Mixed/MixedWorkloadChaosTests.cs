using System.Diagnostics;
using Conduit.Chaos.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.Resilience;
using Conduit.Http.Telemetry;
using Conduit.Sandbox;
using static Conduit.Chaos.Tests.Infrastructure.ChaosReport;

namespace Conduit.Chaos.Tests.Mixed;

/// <summary>
/// 10,000 mixed calls through the whole <see cref="ConduitClient"/> pipeline against the Mist sandbox
/// with about 20 % injected faults, judged by the sandbox's own counters.
/// </summary>
public sealed class MixedWorkloadChaosTests(ITestOutputHelper output)
{
    private const int Calls = 10_000;
    private const int Concurrency = 32;
    private const int MaxRetries = 4;
    private const int MaxAttempts = MaxRetries + 1;
    private const string ClientName = "chaos-mixed";

    /// <summary>Calls and test threads share 2 busy cores: a call may end this much after its total timeout fires.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Managed memory may stay this much above the baseline after the run (pools, JIT'd code's data, caches).</summary>
    private const long MemoryBound = 48L * 1024 * 1024;

    [Fact]
    public async Task TenThousandMixedCalls_TwentyPercentFaults_NoDuplicateNoOverrunAndOnlyTypedFailures()
    {
        var ct = TestContext.Current.CancellationToken;
        await RunAsync(calls: 40, faults: true, report: null, ct);
        UnobservedTaskExceptionWatch.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var unobserved = new UnobservedTaskExceptionWatch();

        var report = new ChaosReport("mixed", "Mixed workload: 10,000 calls, about 20 % injected faults");
        var run = await RunAsync(Calls, faults: true, report, ct);

        UnobservedTaskExceptionWatch.Collect();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        report.Table(["Process", "Value"],
        [
            ["Managed memory before the run (after a warm-up run)", Mb(memoryBefore)],
            ["Managed memory after the run (sandbox and client disposed, full GC)", Mb(memoryAfter)],
            ["Unobserved task exceptions", N(unobserved.Seen.Count)],
        ]);
        report.Publish(output);

        var figures = run!.Figures;
        Assert.Empty(Describe(figures.Duplicates, figures));
        Assert.Equal(0, figures.SiteNamesDuplicated);
        Assert.Equal(0, figures.WlanNamesDuplicated);
        Assert.Empty(Describe(figures.SucceededButNotAppliedOnce, figures));
        Assert.Empty(Describe(figures.IdMismatches, figures));
        Assert.Equal(figures.Of(CallKind.PostWithKey).Sum(r => figures.Applied[r.Index]), figures.SitesFound);
        Assert.Equal(figures.Of(CallKind.PostWithoutKey).Sum(r => figures.Applied[r.Index]), figures.WlansFound);
        Assert.Empty(Describe(figures.OverBudget(MaxAttempts), figures));
        Assert.Empty(Describe(figures.UnexpectedFailures, figures));
        Assert.Empty(Describe(figures.Records.Where(r => r.Elapsed > TotalTimeout + Slack), figures));
        var retried = figures.Records.Where(r => r.Kind != CallKind.PostWithoutKey).ToList();
        Assert.InRange(retried.Count(r => !r.Succeeded), 0, retried.Count / 100);
        Assert.True(figures.RecoveredByReplay > 0, "No keyed POST lost an answer and was recovered by replay: the faults after the handler did not strike.");
        Assert.True(figures.FailedButApplied(CallKind.PostWithoutKey) > 0, "No unkeyed POST lost its answer after being applied: the faults after the handler did not strike.");
        Assert.Equal(Calls, run.Requests);
        Assert.Equal(figures.Records.Count(r => !r.Succeeded), run.Failures);
        Assert.Equal(0, run.Leaks);
        Assert.True(run.LogLines > Calls, $"Only {run.LogLines} log lines for {Calls} calls: the logging path was not exercised.");
        Assert.Empty(unobserved.Seen);
        Assert.InRange(memoryAfter - memoryBefore, long.MinValue, MemoryBound);
    }

    private async Task<MixedRun?> RunAsync(int calls, bool faults, ChaosReport? report, CancellationToken ct)
    {
        var token = "chaos-" + Guid.NewGuid().ToString("N");
        var options = new MistSandboxOptions { EnableHttps = false, SiteCount = 16, DeviceCount = 0, HourlyQuota = 100_000_000, StreamInterval = TimeSpan.Zero, Seed = 11 };
        options.Tokens.Add(token);
        await using var sandbox = await MistSandbox.StartAsync(options, ct);
        var logs = new SecretScanningLoggerFactory(token);
        using var metrics = new ClientMetricTotals(ClientName);
        using var client = new ConduitClient(
            new ConduitClientOptions
            {
                Name = ClientName,
                BaseAddress = new Uri(sandbox.BaseUrl + "/"),
                Authentication = HeaderAuthentication.MistToken(token),
                Retry = new RetryOptions { MaxRetries = MaxRetries, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200) },
                AttemptTimeout = AttemptTimeout,
                TotalTimeout = TotalTimeout,
            },
            logs);
        var workload = new MixedWorkload(client, sandbox.Seed.OrgId, sandbox.Seed.SiteIds);
        if (faults)
        {
            sandbox.Faults.Set(MixedWorkloadFaults.Rules);
        }

        var watch = Stopwatch.StartNew();
        var records = await workload.RunAsync(calls, Concurrency, ct).WaitAsync(TimeSpan.FromMinutes(3), ct);
        watch.Stop();
        var injected = sandbox.Faults.InjectedByKind();
        sandbox.Faults.Clear();
        if (report is null)
        {
            return null;
        }

        var figures = await MixedRunFigures.CollectAsync(sandbox, token, records, ct);
        var run = new MixedRun(figures, metrics[ConduitHttpTelemetry.RequestsInstrument], metrics[ConduitHttpTelemetry.FailuresInstrument], metrics[ConduitHttpTelemetry.RetriesInstrument], logs.Lines, logs.Leaks);
        Describe(report, run, watch.Elapsed, injected);
        return run;
    }

    private static void Describe(ChaosReport report, MixedRun run, TimeSpan runTime, IReadOnlyDictionary<MistSandboxFaultKind, long> injected)
    {
        var figures = run.Figures;
        report.Paragraph(
            $"{N(Calls)} calls through `ConduitClient`'s whole pipeline (Mist token authentication, {MaxRetries} retries from a 10 ms " +
            $"backoff with jitter, attempt timeout {Ms(AttemptTimeout)}, total timeout {Ms(TotalTimeout)}, telemetry, redaction, logging " +
            $"at Debug) against the Mist sandbox on loopback, {Concurrency} concurrent callers. Call *i* is a GET of a site (*i* mod 10 " +
            "in 0–3), a PUT of a site's notes (4–5), a POST creating a site with an `Idempotency-Key` (6–7) or a POST creating a WLAN " +
            "without one (8–9); each carries the request id `chaos-i` and a unique name. The fault rules (a request gets at most one " +
            "replacing answer; latency and truncation stack on top):");
        report.Table(["Fault rule", "Rate", "Strikes"], MixedWorkloadFaults.Describe());
        var requests = figures.Received.Sum();
        report.Table(["Faults injected (sandbox counters)", "Count", "Share of requests"],
            injected.OrderByDescending(p => p.Value).Select(p => (IReadOnlyList<string>)[p.Key.ToString(), N(p.Value), Percent(p.Value, requests)])
                .Append(["All", N(injected.Values.Sum()), Percent(injected.Values.Sum(), requests)]));
        report.Table(["Call kind", "Calls", "Succeeded", "Failed", "Failures by type", "Requests received", "Applied", "Replayed"],
            Enum.GetValues<CallKind>().Select(kind =>
            {
                var calls = figures.Of(kind).ToList();
                var failures = calls.Where(r => !r.Succeeded).GroupBy(r => r.Failure!.Name).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
                return (IReadOnlyList<string>)
                [
                    kind.ToString(), N(calls.Count), N(calls.Count(r => r.Succeeded)), N(calls.Count(r => !r.Succeeded)),
                    string.Join(", ", failures) is { Length: > 0 } text ? text : "–",
                    N(calls.Sum(r => figures.Received[r.Index])),
                    kind == CallKind.Get ? "–" : N(calls.Sum(r => figures.Applied[r.Index])),
                    kind == CallKind.PostWithKey ? N(calls.Sum(r => figures.Replays[r.Index])) : "–",
                ];
            }));
        var times = figures.Records.Select(r => r.Elapsed).Order().ToArray();
        report.Table(["Check", "Result"],
        [
            ["POSTs applied more than once (by request id / idempotency key)", N(figures.Duplicates.Count())],
            ["Names held more than once in the server's state (sites / WLANs)", $"{figures.SiteNamesDuplicated} / {figures.WlanNamesDuplicated}"],
            ["Keyed POSTs applied exactly once when they succeeded", $"{N(figures.Of(CallKind.PostWithKey).Count(r => r.Succeeded && figures.Applied[r.Index] == 1))} of {N(figures.Of(CallKind.PostWithKey).Count(r => r.Succeeded))}"],
            ["Keyed POSTs whose answer was lost, recovered from the idempotency store", N(figures.RecoveredByReplay)],
            ["Keyed POSTs failed but applied once (answer lost on every attempt)", N(figures.FailedButApplied(CallKind.PostWithKey))],
            ["Unkeyed POSTs failed although applied (answer lost; not retried, by design)", N(figures.FailedButApplied(CallKind.PostWithoutKey))],
            ["Unkeyed POSTs failed and not applied", N(figures.Of(CallKind.PostWithoutKey).Count(r => !r.Succeeded && figures.Applied[r.Index] == 0))],
            ["GET/PUT/keyed POST failures (retry budget spent)", $"{N(figures.Records.Count(r => r.Kind != CallKind.PostWithoutKey && !r.Succeeded))} ({Percent(figures.Records.Count(r => r.Kind != CallKind.PostWithoutKey && !r.Succeeded), figures.Records.Count(r => r.Kind != CallKind.PostWithoutKey))})"],
            ["Failures outside the typed family", N(figures.UnexpectedFailures.Count())],
            ["Most requests the server received for one call (budget)", $"{figures.Received.Max()} ({MaxAttempts})"],
            ["Call time p50 / p99 / max (total timeout)", $"{Ms(times[times.Length / 2])} / {Ms(times[(int)(times.Length * 0.99)])} / {Ms(times[^1])} ({Ms(TotalTimeout)})"],
            ["Run time", Ms(runTime)],
            ["Server: requests received / writes applied / replays", $"{N(figures.ServerReceived)} / {N(figures.ServerApplied)} / {N(figures.ServerReplays)}"],
            ["Telemetry: calls / failures / retries recorded", $"{N(run.Requests)} / {N(run.Failures)} / {N(run.Retries)}"],
            ["Log lines (Debug and up) / lines containing the token", $"{N(run.LogLines)} / {N(run.Leaks)}"],
        ]);
    }

    private static IEnumerable<string> Describe(IEnumerable<CallRecord> records, MixedRunFigures figures)
        => records.Take(10).Select(r => $"{r.RequestId} {r.Kind}: {(r.Succeeded ? "succeeded" : r.Failure!.Name)} in {Ms(r.Elapsed)}, received {figures.Received[r.Index]}, applied {figures.Applied[r.Index]}");

    private sealed record MixedRun(MixedRunFigures Figures, long Requests, long Failures, long Retries, long LogLines, long Leaks);
}
