namespace Conduit.Chaos.Tests.Mixed;

/// <summary>What one call of the mixed workload did, seen from the client.</summary>
/// <param name="Index">The call's number; its request id is <c>chaos-{Index}</c>.</param>
/// <param name="Kind">The kind of call.</param>
/// <param name="Elapsed">The call's wall time, retries and waits included.</param>
/// <param name="Status">The final status, when the server answered.</param>
/// <param name="Failure">The exception type the call failed with, or null when it succeeded.</param>
/// <param name="Attempts">Attempts made, for a successful call (the exceptions do not say).</param>
/// <param name="CreatedId">The id in a successful POST's answer.</param>
internal sealed record CallRecord(int Index, CallKind Kind, TimeSpan Elapsed, int? Status, Type? Failure, int Attempts, string? CreatedId)
{
    public bool Succeeded => Failure is null;

    public string RequestId => MixedWorkload.RequestId(Index);
}
