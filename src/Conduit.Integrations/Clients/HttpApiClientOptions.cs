using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;

namespace Conduit.Integrations.Clients;

/// <summary>
/// Settings of an <see cref="HttpApiClient"/>, named after seed 4's <c>AsyncHTTPClient</c> parameters, with its
/// defaults: timeout 30 s, 3 retries, backoff factor 1.0, retry on 429/500/502/503/504, 10 requests per second with a
/// burst of 20, TLS verified.
/// </summary>
public sealed class HttpApiClientOptions
{
    /// <summary>The base URL of every request (required).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A bearer token, sent as <c>Authorization: Bearer …</c>; none when null.</summary>
    public string? Token { get; set; }

    /// <summary>The timeout of each attempt. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = HttpApiClientDefaults.Timeout;

    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetries { get; set; } = HttpApiClientDefaults.MaxRetries;

    /// <summary>Retry <c>n</c> (from 0) waits <c>RetryBackoffFactor × 2^n</c> seconds (a <c>Retry-After</c> replaces it). Default 1.0.</summary>
    public double RetryBackoffFactor { get; set; } = HttpApiClientDefaults.RetryBackoffFactor;

    /// <summary>The status codes retried. Default 429, 500, 502, 503, 504.</summary>
    public ISet<int> RetryOnStatus { get; set; } = new HashSet<int>(HttpApiClientDefaults.RetryOnStatus);

    /// <summary>The client-side rate in requests per second; 0 for none. Default 10.</summary>
    public double RateLimitRequestsPerSecond { get; set; } = HttpApiClientDefaults.RateLimitRequestsPerSecond;

    /// <summary>The client-side burst. Default 20.</summary>
    public int RateLimitBurst { get; set; } = HttpApiClientDefaults.RateLimitBurst;

    /// <summary>Headers sent with every request.</summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether TLS certificates are verified. Default on.</summary>
    public bool VerifySsl { get; set; } = true;

    /// <summary>The clock for delays, timeouts and the rate limit. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The client's name in logs and metrics. Default <c>http-api</c>.</summary>
    public string Name { get; set; } = "http-api";

    /// <summary>The equivalent core options (a new object on each call).</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public ConduitClientOptions ToClientOptions()
    {
        if (!(RetryBackoffFactor >= 0) || double.IsInfinity(RetryBackoffFactor))
        {
            throw new ArgumentException($"RetryBackoffFactor must be a finite number of 0 or more, but was {RetryBackoffFactor}.", nameof(RetryBackoffFactor));
        }

        if (!(RateLimitRequestsPerSecond >= 0 && RateLimitRequestsPerSecond <= int.MaxValue))
        {
            throw new ArgumentException($"RateLimitRequestsPerSecond must be 0 (none) up to {int.MaxValue}, but was {RateLimitRequestsPerSecond}.", nameof(RateLimitRequestsPerSecond));
        }

        var initialDelay = TimeSpan.FromSeconds(RetryBackoffFactor);
        return new ConduitClientOptions
        {
            Name = Name,
            BaseAddress = BaseUrl,
            DefaultHeaders = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
            Authentication = string.IsNullOrEmpty(Token) ? NoAuthentication.Instance : HeaderAuthentication.Bearer(Token),
            Retry = new RetryOptions
            {
                MaxRetries = MaxRetries,
                InitialDelay = initialDelay,
                MaxDelay = initialDelay > RetryDefaults.MaxDelay ? initialDelay : RetryDefaults.MaxDelay,
                ExponentialBase = 2,
                UseJitter = false,
                RetryableStatusCodes = new HashSet<int>(RetryOnStatus ?? new HashSet<int>()),
            },
            RateLimit = RateLimitRequestsPerSecond > 0 ? RateLimitOptions.PerSecond(RateLimitRequestsPerSecond, RateLimitBurst) : null,
            AttemptTimeout = Timeout,
            // Seed 4 bounds each request, not the whole call: the call may take as long as its retries need.
            TotalTimeout = System.Threading.Timeout.InfiniteTimeSpan,
            VerifyTls = VerifySsl,
            TimeProvider = TimeProvider,
        };
    }
}
