namespace Conduit.Sandbox.Faults;

/// <summary>What the fault rules decided for one request.</summary>
/// <param name="Latency">The total added latency.</param>
/// <param name="Outcome">A fault that replaces the answer (error, 429 burst, reset), if any.</param>
/// <param name="Body">A fault that spoils how the body is sent (slow, truncated, malformed), if any.</param>
/// <param name="Status">The status an error fault picked.</param>
internal readonly record struct FaultDecision(TimeSpan Latency, MistSandboxFault? Outcome, MistSandboxFault? Body, int Status)
{
    public static FaultDecision None => default;
}
