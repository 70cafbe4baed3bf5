namespace Conduit.Http.Resilience;

/// <summary>When and how often a failed attempt is retried. Defaults follow <see cref="RetryDefaults"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = RetryDefaults.MaxRetries;

    /// <summary>The delay before the first retry. Default 1 s.</summary>
    public TimeSpan InitialDelay { get; set; } = RetryDefaults.InitialDelay;

    /// <summary>The longest computed delay between attempts. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; set; } = RetryDefaults.MaxDelay;

    /// <summary>The exponential base: retry <c>n</c> (from 0) waits <c>InitialDelay × ExponentialBase^n</c>. Default 2.</summary>
    public double ExponentialBase { get; set; } = RetryDefaults.ExponentialBase;

    /// <summary>Whether each computed delay is spread randomly by ±25 % so clients do not retry in step. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The status codes that are retried. Default 408, 429, 500, 502, 503, 504.</summary>
    public ISet<int> RetryableStatusCodes { get; set; } = new HashSet<int>(RetryDefaults.RetryableStatusCodes);

    /// <summary>Whether an attempt that timed out is retried (for unsafe methods only with an opt-in). Default on.</summary>
    public bool RetryOnTimeout { get; set; } = true;

    /// <summary>Whether connection failures are retried. Default on.</summary>
    public bool RetryOnConnectionFailure { get; set; } = true;

    /// <summary>Whether a <c>Retry-After</c> header sets the delay (it is never shortened by <see cref="MaxDelay"/>). Default on.</summary>
    public bool HonorRetryAfter { get; set; } = true;

    /// <summary>The source of randomness for jitter, returning values in [0, 1). Default <see cref="Random.Shared"/>.</summary>
    public Func<double>? JitterSource { get; set; }

    internal RetryOptions Clone() => new()
    {
        MaxRetries = MaxRetries,
        InitialDelay = InitialDelay,
        MaxDelay = MaxDelay,
        ExponentialBase = ExponentialBase,
        UseJitter = UseJitter,
        RetryableStatusCodes = new HashSet<int>(RetryableStatusCodes ?? new HashSet<int>()),
        RetryOnTimeout = RetryOnTimeout,
        RetryOnConnectionFailure = RetryOnConnectionFailure,
        HonorRetryAfter = HonorRetryAfter,
        JitterSource = JitterSource,
    };
}
