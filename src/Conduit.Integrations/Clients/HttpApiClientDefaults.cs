namespace Conduit.Integrations.Clients;

/// <summary>The defaults of <see cref="HttpApiClientOptions"/> (seed 4's <c>AsyncHTTPClient</c>).</summary>
public static class HttpApiClientDefaults
{
    /// <summary>The per-request timeout: 30 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt: 3.</summary>
    public const int MaxRetries = 3;

    /// <summary>The backoff factor: retry <c>n</c> (from 0) waits <c>factor × 2^n</c> seconds, so 1 s, 2 s, 4 s.</summary>
    public const double RetryBackoffFactor = 1.0;

    /// <summary>The client-side rate: 10 requests per second.</summary>
    public const double RateLimitRequestsPerSecond = 10.0;

    /// <summary>The client-side burst: 20 requests.</summary>
    public const int RateLimitBurst = 20;

    /// <summary>The status codes retried: 429, 500, 502, 503, 504.</summary>
    public static IReadOnlyList<int> RetryOnStatus { get; } = [429, 500, 502, 503, 504];
}
