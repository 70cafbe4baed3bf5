using Conduit.Sandbox;

namespace Conduit.Chaos.Tests.Mixed;

/// <summary>
/// The fault mix of the mixed run, about 20 % of requests in all: errors, 429 bursts, resets and
/// latency spikes, each both before the handler and after it applied the request, plus truncated
/// bodies (which always strike after the handler). Rules are checked in order and a request gets at
/// most one replacing answer, so the later rules' real rates are a little lower than written.
/// </summary>
internal static class MixedWorkloadFaults
{
    /// <summary>How long a latency spike holds a request: well past the client's attempt timeout.</summary>
    public static readonly TimeSpan Spike = TimeSpan.FromSeconds(1);

    private const string Api = "/api/v1/**";
    private const MistSandboxFaultPlacement Before = MistSandboxFaultPlacement.BeforeHandler;
    private const MistSandboxFaultPlacement After = MistSandboxFaultPlacement.AfterHandler;

    public static IReadOnlyList<MistSandboxFault> Rules { get; } =
    [
        new() { Kind = MistSandboxFaultKind.Error, StatusCodes = [500, 502, 503], Probability = 0.05, PathPattern = Api, Placement = Before },
        new() { Kind = MistSandboxFaultKind.Error, StatusCodes = [500, 502, 503], Probability = 0.02, PathPattern = Api, Placement = After },
        new() { Kind = MistSandboxFaultKind.RateLimitBurst, Delay = TimeSpan.Zero, Probability = 0.03, PathPattern = Api },
        new() { Kind = MistSandboxFaultKind.RateLimitBurst, Delay = TimeSpan.FromSeconds(1), Probability = 0.005, Count = 4, PathPattern = Api },
        new() { Kind = MistSandboxFaultKind.ConnectionReset, Probability = 0.02, PathPattern = Api, Placement = Before },
        new() { Kind = MistSandboxFaultKind.ConnectionReset, Probability = 0.02, PathPattern = Api, Placement = After },
        new() { Kind = MistSandboxFaultKind.Latency, Delay = Spike, Probability = 0.015, PathPattern = Api, Placement = Before },
        new() { Kind = MistSandboxFaultKind.Latency, Delay = Spike, Probability = 0.015, PathPattern = Api, Placement = After },
        new() { Kind = MistSandboxFaultKind.TruncatedBody, Probability = 0.03, PathPattern = Api },
    ];

    /// <summary>One line per rule for the report.</summary>
    public static IEnumerable<IReadOnlyList<string>> Describe() => Rules.Select(r => (IReadOnlyList<string>)
    [
        r.Kind switch
        {
            MistSandboxFaultKind.Error => "error " + string.Join("/", r.StatusCodes),
            MistSandboxFaultKind.RateLimitBurst => $"429, Retry-After {r.Delay.TotalSeconds:0} s" + (r.Count is { } n ? $", at most {n}" : string.Empty),
            MistSandboxFaultKind.ConnectionReset => "connection reset",
            MistSandboxFaultKind.Latency => $"latency {r.Delay.TotalMilliseconds:0} ms",
            MistSandboxFaultKind.TruncatedBody => "truncated body",
            _ => r.Kind.ToString(),
        },
        $"{r.Probability * 100:0.#} %",
        r.Kind == MistSandboxFaultKind.TruncatedBody || r.Placement == After ? "after the handler" : "before the handler",
    ]);
}
