using System.Threading.RateLimiting;
using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;
using Conduit.Integrations.Authentication;
using Conduit.Integrations.Health;

namespace Conduit.Integrations;

/// <summary>
/// One named integration: base URL, authentication, rate limit, retries, timeouts, TLS verification, default headers
/// and health probe. The manager copies the options when it registers them, so changing this object afterwards changes
/// nothing; use <see cref="IntegrationManager.Update"/>. <see cref="Validate"/> lists every problem at once.
/// </summary>
public sealed class IntegrationOptions
{
    /// <summary>The unique name: letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The absolute http(s) URL request paths are relative to.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How requests are authenticated. Default none.</summary>
    public IntegrationAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>The client-side token bucket (requests per window, window, burst); <see langword="null"/> for none.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>
    /// Builds a limiter shared beyond this process (for example <c>Conduit.Redis.RedisTokenBucketRateLimiter</c>), applied
    /// before every attempt in addition to <see cref="RateLimit"/>. Called once per pipeline build; the manager disposes
    /// the limiter with the pipeline.
    /// </summary>
    public Func<IntegrationOptions, RateLimiter>? RateLimiterFactory { get; set; }

    /// <summary>Retries: max retries, initial delay, max delay, exponential base, jitter, retryable status codes.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The timeout of one attempt. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of a whole call, retries and waits included. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether server TLS certificates are verified. Default on.</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>Headers sent with every request; values may be <c>${ENV:NAME}</c> references.</summary>
    public IDictionary<string, string> DefaultHeaders { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The health probe.</summary>
    public IntegrationHealthCheckOptions HealthCheck { get; set; } = new();

    /// <summary>Returns every problem with these options, each naming the integration and the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate() => IntegrationOptionsValidation.Validate(this, environment: null, checkReferences: true);

    /// <summary>Returns a deep copy (delegates and providers are shared).</summary>
    public IntegrationOptions Clone() => new()
    {
        Name = Name,
        BaseUrl = BaseUrl,
        Authentication = (Authentication ?? new()).Clone(),
        RateLimit = RateLimit is { } rate
            ? new RateLimitOptions { RequestsPerWindow = rate.RequestsPerWindow, Window = rate.Window, Burst = rate.Burst, QueueLimit = rate.QueueLimit }
            : null,
        RateLimiterFactory = RateLimiterFactory,
        Retry = CloneRetry(Retry ?? new()),
        Timeout = Timeout,
        TotalTimeout = TotalTimeout,
        VerifyTls = VerifyTls,
        DefaultHeaders = new Dictionary<string, string>(DefaultHeaders ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
        HealthCheck = (HealthCheck ?? new()).Clone(),
    };

    private static RetryOptions CloneRetry(RetryOptions retry) => new()
    {
        MaxRetries = retry.MaxRetries,
        InitialDelay = retry.InitialDelay,
        MaxDelay = retry.MaxDelay,
        ExponentialBase = retry.ExponentialBase,
        UseJitter = retry.UseJitter,
        RetryableStatusCodes = new HashSet<int>(retry.RetryableStatusCodes ?? new HashSet<int>()),
        RetryOnTimeout = retry.RetryOnTimeout,
        RetryOnConnectionFailure = retry.RetryOnConnectionFailure,
        HonorRetryAfter = retry.HonorRetryAfter,
        JitterSource = retry.JitterSource,
    };
}
