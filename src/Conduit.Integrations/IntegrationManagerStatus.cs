namespace Conduit.Integrations;

/// <summary>The status of every integration of a manager (seed 5's <c>get_status()</c>).</summary>
/// <param name="Timestamp">When the status was taken.</param>
/// <param name="Integrations">Each integration's status, by name.</param>
public sealed record IntegrationManagerStatus(DateTimeOffset Timestamp, IReadOnlyDictionary<string, IntegrationStatus> Integrations)
{
    /// <summary>How many integrations are registered.</summary>
    public int TotalIntegrations => Integrations.Count;

    /// <summary>Calls over all integrations.</summary>
    public long TotalRequests => Integrations.Values.Sum(static i => i.Metrics.TotalRequests);

    internal static string AuthenticationName(IntegrationOptions options) =>
        options.Authentication.Provider is not null ? "Custom" : options.Authentication.Type.ToString();

    internal static bool IsRateLimited(IntegrationOptions options) => options.RateLimit is not null || options.RateLimiterFactory is not null;
}
