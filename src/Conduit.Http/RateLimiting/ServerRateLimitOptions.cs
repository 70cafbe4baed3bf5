namespace Conduit.Http.RateLimiting;

/// <summary>How the client reacts to the server's rate-limit signals (<c>Retry-After</c>, <c>X-RateLimit-*</c>).</summary>
public sealed class ServerRateLimitOptions
{
    /// <summary>
    /// Whether a 429 with <c>Retry-After</c>, or <c>X-RateLimit-Remaining: 0</c> with a reset time, pauses all further
    /// sends of this client until then. Default on.
    /// </summary>
    public bool PauseOnServerSignal { get; set; } = true;

    /// <summary>When <c>X-RateLimit-Remaining</c> falls to this value or below, a warning is logged and counted. Default 10.</summary>
    public int LowQuotaWarningThreshold { get; set; } = 10;

    internal ServerRateLimitOptions Clone() => (ServerRateLimitOptions)MemberwiseClone();
}
