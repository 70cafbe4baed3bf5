namespace Conduit.Http.Resilience;

/// <summary>The default retry settings.</summary>
public static class RetryDefaults
{
    /// <summary>Retries after the first attempt: 3.</summary>
    public const int MaxRetries = 3;

    /// <summary>The exponential base: 2.</summary>
    public const double ExponentialBase = 2.0;

    /// <summary>The delay before the first retry: 1 s.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed delay: 60 s.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>The status codes retried by default: 408, 429, 500, 502, 503, 504.</summary>
    public static IReadOnlyList<int> RetryableStatusCodes { get; } = [408, 429, 500, 502, 503, 504];
}
