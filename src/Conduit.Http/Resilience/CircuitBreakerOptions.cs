namespace Conduit.Http.Resilience;

/// <summary>An optional circuit breaker per client: after too many failures, calls fail fast for a while.</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>The failure ratio (0–1] over <see cref="SamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in the window before the ratio counts. Default 20.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call. Default 15 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal CircuitBreakerOptions Clone() => (CircuitBreakerOptions)MemberwiseClone();
}
