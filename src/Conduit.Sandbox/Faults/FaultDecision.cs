namespace Conduit.Sandbox.Faults;

/// <summary>What the fault rules decided for one request.</summary>
/// <param name="Latency">The added latency before the handler.</param>
/// <param name="LatencyAfter">The added latency after the handler applied the request, before the answer is written.</param>
/// <param name="Outcome">A fault that replaces the answer (error, 429 burst, reset), if any; its <see cref="MistSandboxFault.Placement"/> says when.</param>
/// <param name="Body">A fault that spoils how the body is sent (slow, truncated, malformed), if any.</param>
/// <param name="Status">The status an error fault picked.</param>
internal readonly record struct FaultDecision(TimeSpan Latency, TimeSpan LatencyAfter, MistSandboxFault? Outcome, MistSandboxFault? Body, int Status)
{
    public static FaultDecision None => default;

    /// <summary>The outcome fault when it strikes before the handler, else null.</summary>
    public MistSandboxFault? OutcomeBefore => Outcome is { Placement: MistSandboxFaultPlacement.BeforeHandler } outcome ? outcome : null;

    /// <summary>The outcome fault when it strikes after the handler, else null.</summary>
    public MistSandboxFault? OutcomeAfter => Outcome is { Placement: MistSandboxFaultPlacement.AfterHandler } outcome ? outcome : null;
}
