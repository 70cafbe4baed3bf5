using System.Net.Sockets;
using Conduit.Chaos.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.Resilience;
using Conduit.Sandbox;
using static Conduit.Chaos.Tests.Infrastructure.ChaosReport;

namespace Conduit.Chaos.Tests.Outages;

/// <summary>The server process goes away mid-run and comes back on the same port.</summary>
public sealed class SandboxRestartChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Recovered = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task SandboxStoppedAndRestartedOnTheSamePort_OutageCallsFailAsConnectionErrorsAndLaterCallsSucceed()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = "chaos-" + Guid.NewGuid().ToString("N");
        var sandbox = await MistSandbox.StartAsync(Options(token, port: 0), ct);
        var port = new Uri(sandbox.BaseUrl).Port;
        var siteIds = sandbox.Seed.SiteIds;
        MistSandbox? restarted = null;
        try
        {
            using var client = new ConduitClient(new ConduitClientOptions
            {
                Name = "chaos-restart",
                BaseAddress = new Uri(sandbox.BaseUrl + "/"),
                Authentication = HeaderAuthentication.MistToken(token),
                Retry = new RetryOptions { MaxRetries = 3, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
                AttemptTimeout = TimeSpan.FromSeconds(1),
                TotalTimeout = TotalTimeout,
            });
            var loop = new CallLoop(
                client,
                i => i % 2 == 0
                    ? ApiRequest.Get("api/v1/sites/{0}", siteIds[i % siteIds.Count])
                    : ApiRequest.Put("api/v1/sites/{0}", siteIds[i % siteIds.Count]).WithBody(JsonBody.FromText($$"""{"notes": "restart {{i}}"}""")),
                "restart-");
            await client.SendAsync(ApiRequest.Get("api/v1/self"), ct);
            loop.Start(workerCount: 8, pause: TimeSpan.FromMilliseconds(5));
            await CallLoop.HoldAsync(Healthy);

            var stopping = loop.Now;
            await sandbox.DisposeAsync();
            var stopped = loop.Now;
            await CallLoop.HoldAsync(Outage);
            var restarting = loop.Now;
            restarted = await StartOnPortAsync(Options(token, port), ct);
            var started = loop.Now;
            await CallLoop.HoldAsync(Recovered);
            await loop.StopAsync(TimeSpan.FromSeconds(30));

            var calls = loop.Calls.ToList();
            var before = calls.Where(c => c.End < stopping).ToList();
            var outage = calls.Where(c => c.Overlaps(stopping, started)).ToList();
            var after = calls.Where(c => c.Start > started).ToList();
            var firstSuccessAfter = calls.Where(c => c.Succeeded && c.End > restarting).Select(c => c.End).DefaultIfEmpty(TimeSpan.MaxValue).Min();
            var report = new ChaosReport("sandbox-restart", "Process fault: the sandbox stopped and restarted on the same port");
            report.Paragraph(
                $"8 callers (GET and PUT of sites, 3 retries from 50 ms, attempt timeout 1 s, total timeout {Ms(TotalTimeout)}) run for " +
                $"{Ms(Healthy)}; the sandbox is then disposed (graceful stop: {Ms(stopped - stopping)}), stays down for {Ms(Outage)}, and a new " +
                $"sandbox with the same seed starts on the same port ({Ms(started - restarting)}); the callers go on for {Ms(Recovered)}.");
            report.Table(["Phase", "Calls", "Succeeded", "Failures by type"],
            [
                Row("Before the stop", before),
                Row("Overlapping the outage", outage),
                Row("Started after the restart", after),
            ]);
            report.Table(["Check", "Result"],
            [
                ["First success after the restart began", firstSuccessAfter == TimeSpan.MaxValue ? "none" : $"{Ms(firstSuccessAfter - restarting)} later"],
                ["Longest call (total timeout)", $"{Ms(calls.Max(c => c.Elapsed))} ({Ms(TotalTimeout)})"],
                ["Requests the restarted sandbox received", N(restarted.Counters.Total)],
            ]);
            report.Publish(output);

            Assert.NotEmpty(before);
            Assert.All(before, c => Assert.True(c.Succeeded, $"{c.RequestId} failed with {c.Failure?.Name} before the stop."));
            Assert.Contains(outage, c => c.Failure == typeof(ApiConnectionException));
            Assert.All(outage, c => Assert.True(c.Succeeded || c.Failure == typeof(ApiConnectionException), $"{c.RequestId} failed with {c.Failure?.Name} during the outage."));
            Assert.NotEmpty(after);
            Assert.All(after, c => Assert.True(c.Succeeded, $"{c.RequestId} failed with {c.Failure?.Name} after the restart."));
            Assert.All(calls, c => Assert.True(c.Elapsed <= TotalTimeout + Slack, $"{c.RequestId} ran {Ms(c.Elapsed)}."));
            Assert.True(restarted.Counters.Total >= after.Count);
        }
        finally
        {
            await sandbox.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static MistSandboxOptions Options(string token, int port)
    {
        var options = new MistSandboxOptions { Port = port, EnableHttps = false, SiteCount = 4, DeviceCount = 0, HourlyQuota = 10_000_000, StreamInterval = TimeSpan.Zero, Seed = 5 };
        options.Tokens.Add(token);
        return options;
    }

    /// <summary>Starts on the port just freed, retrying briefly while the operating system still holds it.</summary>
    private static async Task<MistSandbox> StartOnPortAsync(MistSandboxOptions options, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MistSandbox.StartAsync(options, ct);
            }
            catch (IOException ex) when (attempt < 50 && ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                await CallLoop.HoldAsync(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static IReadOnlyList<string> Row(string phase, List<TimedCall> calls)
    {
        var failures = calls.Where(c => !c.Succeeded).GroupBy(c => c.Failure!.Name).Select(g => $"{g.Key} {g.Count()}");
        return [phase, N(calls.Count), N(calls.Count(c => c.Succeeded)), string.Join(", ", failures) is { Length: > 0 } text ? text : "–"];
    }
}
