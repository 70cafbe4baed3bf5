using System.Net;

namespace Conduit.Sandbox.Tests.Faults;

public sealed class FaultPlacementTests
{
    [Fact]
    public void FaultSpec_When_ParsesBothPlacementsAndDefaultsToBefore()
    {
        var faults = MistSandboxFaultSpec.Parse("reset,when=after; latency:1s,when=before; error:502");

        Assert.Equal(
            [MistSandboxFaultPlacement.AfterHandler, MistSandboxFaultPlacement.BeforeHandler, MistSandboxFaultPlacement.BeforeHandler],
            faults.Select(f => f.Placement));
    }

    [Fact]
    public void FaultSpec_BadPlacementOrStreamFaultAfter_ThrowsNamingBoth()
    {
        var error = Assert.Throws<FormatException>(() => MistSandboxFaultSpec.Parse("reset,when=sideways; ws-drop,when=after"));

        Assert.Contains("'sideways' is not a placement (before, after).", error.Message, StringComparison.Ordinal);
        Assert.Contains("Placement AfterHandler applies to HTTP faults only, not to stream faults.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetErrors_UndefinedPlacement_IsReported()
    {
        var fault = new MistSandboxFault { Kind = MistSandboxFaultKind.Error, Placement = (MistSandboxFaultPlacement)7 };

        Assert.Equal(["Placement 7 is not a fault placement."], fault.GetErrors());
    }

    [Fact]
    public async Task Burst_RetryAfterZero_SendsRetryAfterZero()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o => o.Faults.Add(MistSandboxFaultSpec.Parse("burst:1,retry-after=0")[0]));
        using var client = SandboxTestHost.TokenClient(sandbox);

        using var limited = await client.GetAsync("/api/v1/self", SandboxTestHost.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.Zero, limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task InjectedByKind_CountsEachKindAndClearResetsThem()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(o =>
        {
            o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [502], Count = 2 });
            o.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, Delay = TimeSpan.FromMilliseconds(1), Count = 3 });
        });
        using var client = SandboxTestHost.TokenClient(sandbox);

        for (var i = 0; i < 4; i++)
        {
            (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        }

        Assert.Equal(2, sandbox.Faults.InjectedCountOf(MistSandboxFaultKind.Error));
        Assert.Equal(3, sandbox.Faults.InjectedCountOf(MistSandboxFaultKind.Latency));
        Assert.Equal(0, sandbox.Faults.InjectedCountOf(MistSandboxFaultKind.ConnectionReset));
        Assert.Equal(5, sandbox.Faults.InjectedCount);
        Assert.Equal(new Dictionary<MistSandboxFaultKind, long> { [MistSandboxFaultKind.Error] = 2, [MistSandboxFaultKind.Latency] = 3 }, sandbox.Faults.InjectedByKind());
        sandbox.Faults.Clear();
        Assert.Empty(sandbox.Faults.InjectedByKind());
    }
}
