namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>One misbehaving response: its class (for the report), a description (for failures) and how to serve it.</summary>
public sealed record ResponseScenario(string Class, string Description, HttpPlan? Http, RawPlan? Raw)
{
    /// <summary>Whether the status line and headers arrive complete and then the body stops (or crawls).</summary>
    public bool BodyStallsAfterHeaders =>
        Http?.Mode is BodyMode.StallMidBody or BodyMode.Drip
        || (Raw is { Ending: RawEnding.Stall } raw && raw.Bytes.AsSpan().IndexOf("\r\n\r\n"u8) >= 0);

    public override string ToString() => $"[{Class}] {Description}";
}
