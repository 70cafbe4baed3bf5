using System.Diagnostics;
using System.Net;

namespace Conduit.Sandbox.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task StartAsync_DefaultOptions_ServesAtOnceAndReportsTiming()
    {
        var watch = Stopwatch.StartNew();
        await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions(), SandboxTestHost.Token);
        var started = watch.Elapsed;
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var response = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var process = Process.GetCurrentProcess();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Started (300 devices, HTTPS) in {started.TotalMilliseconds:F0} ms, first answer after {watch.Elapsed.TotalMilliseconds:F0} ms; test process working set {process.WorkingSet64 / (1024 * 1024)} MB.");
        Assert.Equal(300, sandbox.Seed.DeviceCount);
        Assert.Equal(5, sandbox.Seed.SiteIds.Count);
    }
}
