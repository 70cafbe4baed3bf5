namespace Conduit.Integrations;

/// <summary>Settings shared by every integration of one <see cref="IntegrationManager"/>.</summary>
public sealed class IntegrationManagerOptions
{
    /// <summary>The clock for delays, timeouts, rate limits, token expiry and metrics timestamps. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Reads environment variables for <c>${ENV:NAME}</c> references. Default the process environment.</summary>
    public Func<string, string?>? Environment { get; set; }
}
