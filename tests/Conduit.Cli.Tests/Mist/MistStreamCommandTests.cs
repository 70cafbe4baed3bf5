using System.Text.Json;
using Spectre.Console.Testing;

namespace Conduit.Cli.Tests.Mist;

public sealed class MistStreamCommandTests : IAsyncLifetime
{
    private MistCliHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await MistCliHarness.StartAsync(o => o.StreamInterval = TimeSpan.FromMilliseconds(50));

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private string[] Credentials => ["--host", harness.Sandbox.BaseUrl, "--token", harness.Token, "--no-prompt"];

    private string StatsChannel => $"/sites/{harness.Sandbox.Seed.SiteIds[0]}/stats/devices";

    [Fact]
    public async Task Stream_Count_PrintsThatManyEventsAsJsonLines()
    {
        var run = await harness.RunAsync(["stream", StatsChannel, "--count", "3", "--json", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(StatsChannel, json.RootElement.GetProperty("channel").GetString());
            Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("data").ValueKind);
            Assert.True(json.RootElement.GetProperty("data").TryGetProperty("mac", out _));
        }

        Assert.DoesNotContain(harness.Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ForPeople_OneLinePerEvent()
    {
        var run = await harness.RunAsync(["stream", StatsChannel, "--count", "2", .. Credentials]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.Contains(StatsChannel + "  {", StringComparison.Ordinal)));
        Assert.Contains("Stopped after 2 events.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_CtrlC_StopsCleanly()
    {
        var console = new TestConsole().Width(250);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = harness.RunAsync(console, string.Empty, stop.Token, ["stream", StatsChannel, .. Credentials]);
        Assert.True(SpinWait.SpinUntil(() => console.Output.Contains(StatsChannel + "  {", StringComparison.Ordinal), 15_000), console.Output);
        await stop.CancelAsync();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Stopped after", result.Output, StringComparison.Ordinal);
        Assert.True(SpinWait.SpinUntil(() => harness.Sandbox.Streams.ActiveConnections == 0, 15_000), "the stream connection should be closed");
    }

    [Fact]
    public async Task Stream_RefusedChannel_ExitsOneWithTheServersReason()
    {
        var run = await harness.RunAsync(["stream", "/sites/not-a-uuid/stats/devices", "--count", "1", .. Credentials]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a UUID", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_BadChannelOrDuration_ExitsTwo()
    {
        var channel = await harness.RunAsync(["stream", "no-slash", .. Credentials]);
        var duration = await harness.RunAsync(["stream", StatsChannel, "--duration", "soon", .. Credentials]);

        Assert.Equal(2, channel.ExitCode);
        Assert.Equal(2, duration.ExitCode);
        Assert.Contains("--duration", duration.Output, StringComparison.Ordinal);
    }
}
