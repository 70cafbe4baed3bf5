using System.Net;
using System.Net.Security;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Http.Redaction;
using Conduit.Http.Resilience;
using Conduit.Http.Transport;

namespace Conduit.Http;

/// <summary>
/// Everything a <see cref="ConduitClient"/> needs. The client copies the options when it is built, so changing
/// them afterwards does not change a client. <see cref="Validate"/> lists every problem at once.
/// </summary>
public sealed class ConduitClientOptions
{
    /// <summary>The client's name, used in logs and telemetry. Default <c>default</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>The base URL that request paths are relative to. Required unless every request uses an absolute URL.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Headers sent with every request.</summary>
    public IDictionary<string, string> DefaultHeaders { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>User-Agent</c> header. Default <c>Conduit/1.0</c>.</summary>
    public string UserAgent { get; set; } = "Conduit/1.0";

    /// <summary>How requests are authenticated. Default none.</summary>
    public AuthenticationProvider Authentication { get; set; } = NoAuthentication.Instance;

    /// <summary>Retry settings.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The client-side token bucket; <see langword="null"/> (default) sends without a client-side limit.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>
    /// A rate limiter of your own (for example one shared through Redis, or shared by several clients), used instead of
    /// <see cref="RateLimit"/> before each attempt. The client never disposes it. <see langword="null"/> by default.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

    /// <summary>How the client reacts to the server's rate-limit headers.</summary>
    public ServerRateLimitOptions ServerRateLimit { get; set; } = new();

    /// <summary>An optional circuit breaker; <see langword="null"/> (default) for none.</summary>
    public CircuitBreakerOptions? CircuitBreaker { get; set; }

    /// <summary>The timeout of one attempt, body included. Default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of a whole call, retries and waits included. Default 2 min; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The proxy.</summary>
    public ProxyOptions Proxy { get; set; } = new();

    /// <summary>Whether server TLS certificates are verified. Default on; turning it off logs a warning.</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>A custom certificate check (for example trusting only a test server's certificate); overrides <see cref="VerifyTls"/>.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>The largest response body buffered, in bytes; a larger one fails the call. Default 64 MiB.</summary>
    public long MaxResponseBodySize { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The response encodings the client asks for (<c>Accept-Encoding</c>) and decodes. Default gzip, deflate and
    /// Brotli; <see cref="DecompressionMethods.None"/> asks for none and hands bodies over as they come. A decoded body
    /// counts against <see cref="MaxResponseBodySize"/> at its decoded size.
    /// </summary>
    public DecompressionMethods Decompression { get; set; } = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli;

    /// <summary>Connections per server. Default unlimited.</summary>
    public int MaxConnectionsPerServer { get; set; } = int.MaxValue;

    /// <summary>Whether the client keeps cookies between calls (needed by cookie sessions such as Mist login). Default off.</summary>
    public bool UseCookies { get; set; }

    /// <summary>Which names are treated as secrets in logs and messages.</summary>
    public RedactionOptions Redaction { get; set; } = new();

    /// <summary>Whether request and response bodies are logged (redacted) at Trace level. Default off.</summary>
    public bool LogBodies { get; set; }

    /// <summary>The clock for delays, timeouts and rate limits. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Returns every problem with these options; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate() => ConduitClientOptionsValidation.Validate(this);

    internal ConduitClientOptions Clone() => new()
    {
        Name = Name,
        BaseAddress = BaseAddress,
        DefaultHeaders = new Dictionary<string, string>(DefaultHeaders, StringComparer.OrdinalIgnoreCase),
        UserAgent = UserAgent,
        Authentication = Authentication,
        Retry = Retry.Clone(),
        RateLimit = RateLimit?.Clone(),
        RateLimiter = RateLimiter,
        ServerRateLimit = ServerRateLimit.Clone(),
        CircuitBreaker = CircuitBreaker?.Clone(),
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        Proxy = Proxy.Clone(),
        VerifyTls = VerifyTls,
        ServerCertificateValidation = ServerCertificateValidation,
        MaxResponseBodySize = MaxResponseBodySize,
        Decompression = Decompression,
        MaxConnectionsPerServer = MaxConnectionsPerServer,
        UseCookies = UseCookies,
        Redaction = Redaction,
        LogBodies = LogBodies,
        TimeProvider = TimeProvider,
    };
}
