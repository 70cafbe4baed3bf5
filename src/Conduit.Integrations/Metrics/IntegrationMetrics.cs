namespace Conduit.Integrations.Metrics;

/// <summary>
/// A snapshot of one integration's calls since it was registered or its metrics were last reset, read from the
/// <c>Conduit.Http</c> meter's measurements (one call is one request, whatever its retries).
/// </summary>
/// <param name="TotalRequests">Calls completed.</param>
/// <param name="SuccessfulRequests">Calls that ended with a status below 400.</param>
/// <param name="FailedRequests">Calls that ended in an exception or a status of 400 or more.</param>
/// <param name="RetryAttempts">Attempts after the first.</param>
/// <param name="RateLimitWaits">Sends delayed by the client-side bucket or a server-signalled reset.</param>
/// <param name="AverageResponseTime">The mean call duration, retries and waits included; zero when there were no calls.</param>
/// <param name="LastRequestAt">When the last call completed, if any.</param>
/// <param name="LastErrorType">The exception type of the last failed call, if any.</param>
public sealed record IntegrationMetrics(
    long TotalRequests,
    long SuccessfulRequests,
    long FailedRequests,
    long RetryAttempts,
    long RateLimitWaits,
    TimeSpan AverageResponseTime,
    DateTimeOffset? LastRequestAt,
    string? LastErrorType)
{
    /// <summary>No calls yet.</summary>
    public static IntegrationMetrics Empty { get; } = new(0, 0, 0, 0, 0, TimeSpan.Zero, null, null);

    /// <summary>Successful calls over all calls, from 0 to 1; 0 when there were no calls.</summary>
    public double SuccessRate => TotalRequests == 0 ? 0 : (double)SuccessfulRequests / TotalRequests;
}
