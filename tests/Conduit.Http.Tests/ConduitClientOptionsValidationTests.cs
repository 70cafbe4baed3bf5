using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Conduit.Http.Tests;

public sealed class ConduitClientOptionsValidationTests
{
    public static TheoryData<string, Action<ConduitClientOptions>> InvalidOptions => new()
    {
        { "Conduit client 'api': BaseAddress must be an absolute http or https URL, but was 'ftp://files.example.com/'.", o => o.BaseAddress = new Uri("ftp://files.example.com/") },
        { "Conduit client 'api': BaseAddress must be an absolute http or https URL, but was 'relative/path'.", o => o.BaseAddress = new Uri("relative/path", UriKind.Relative) },
        { "Conduit client 'api': Retry.MaxRetries must be 0 or more, but was -1.", o => o.Retry.MaxRetries = -1 },
        { "Conduit client 'api': Retry.InitialDelay must not be negative, but was -00:00:01.", o => o.Retry.InitialDelay = TimeSpan.FromSeconds(-1) },
        { "Conduit client 'api': Retry.MaxDelay (00:00:01) must be at least Retry.InitialDelay (00:00:02).", o => { o.Retry.InitialDelay = TimeSpan.FromSeconds(2); o.Retry.MaxDelay = TimeSpan.FromSeconds(1); } },
        { "Conduit client 'api': Retry.ExponentialBase must be a finite number of 1 or more, but was 0.5.", o => o.Retry.ExponentialBase = 0.5 },
        { "Conduit client 'api': Retry.RetryableStatusCodes contains 999, which is not an HTTP status code.", o => o.Retry.RetryableStatusCodes.Add(999) },
        { "Conduit client 'api': RateLimit.RequestsPerWindow must be positive, but was 0.", o => o.RateLimit = new RateLimitOptions { RequestsPerWindow = 0 } },
        { "Conduit client 'api': RateLimit.Window must be positive, but was 00:00:00.", o => o.RateLimit = new RateLimitOptions { Window = TimeSpan.Zero } },
        { "Conduit client 'api': RateLimit.Burst must be 0 (same as RequestsPerWindow) or more, but was -5.", o => o.RateLimit = new RateLimitOptions { Burst = -5 } },
        { "Conduit client 'api': RateLimit.QueueLimit must be 0 or more, but was -1.", o => o.RateLimit = new RateLimitOptions { QueueLimit = -1 } },
        { "Conduit client 'api': AttemptTimeout must be between 10 ms and 24 h, or Timeout.InfiniteTimeSpan, but was 00:00:00.", o => o.AttemptTimeout = TimeSpan.Zero },
        { "Conduit client 'api': TotalTimeout must be between 10 ms and 24 h, or Timeout.InfiniteTimeSpan, but was -00:00:05.", o => o.TotalTimeout = TimeSpan.FromSeconds(-5) },
        { "Conduit client 'api': AttemptTimeout (00:01:00) must not exceed TotalTimeout (00:00:10).", o => { o.AttemptTimeout = TimeSpan.FromMinutes(1); o.TotalTimeout = TimeSpan.FromSeconds(10); } },
        { "Conduit client 'api': CircuitBreaker.FailureRatio must be in (0, 1], but was 1.5.", o => o.CircuitBreaker = new CircuitBreakerOptions { FailureRatio = 1.5 } },
        { "Conduit client 'api': CircuitBreaker.FailureRatio must be in (0, 1], but was NaN.", o => o.CircuitBreaker = new CircuitBreakerOptions { FailureRatio = double.NaN } },
        { "Conduit client 'api': CircuitBreaker.MinimumThroughput must be at least 2, but was 1.", o => o.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 1 } },
        { "Conduit client 'api': CircuitBreaker.SamplingDuration must be at least 500 ms, but was 00:00:00.1000000.", o => o.CircuitBreaker = new CircuitBreakerOptions { SamplingDuration = TimeSpan.FromMilliseconds(100) } },
        { "Conduit client 'api': CircuitBreaker.BreakDuration must be at least 500 ms, but was 00:00:00.", o => o.CircuitBreaker = new CircuitBreakerOptions { BreakDuration = TimeSpan.Zero } },
        { "Conduit client 'api': Proxy.Address must be an absolute http, https or socks URL, but was 'proxy.local:3128'.", o => o.Proxy.Address = new Uri("proxy.local:3128") },
        { "Conduit client 'api': MaxResponseBodySize must be between 1 and 2147483647 bytes, but was 0.", o => o.MaxResponseBodySize = 0 },
        { "Conduit client 'api': MaxConnectionsPerServer must be positive, but was 0.", o => o.MaxConnectionsPerServer = 0 },
        { "Conduit client 'api': DefaultHeaders contains an invalid header name 'Bad…'.", o => o.DefaultHeaders["Bad Header"] = "x" },
        { "Conduit client 'api': DefaultHeaders contains an invalid header name 'Authorization…'.", o => o.DefaultHeaders["Authorization: Bearer t0ken-9981"] = "x" },
        { "Conduit client 'api': Authentication is required (use NoAuthentication.Instance for none).", o => o.Authentication = null! },
        { "Conduit client 'api': TimeProvider is required.", o => o.TimeProvider = null! },
        { "Conduit client 'api': CircuitBreaker.SamplingDuration must be at most 24 h, but was 1.00:00:01.", o => o.CircuitBreaker = new CircuitBreakerOptions { SamplingDuration = TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1) } },
        { "Conduit client 'api': CircuitBreaker.BreakDuration must be at most 24 h, but was 2.00:00:00.", o => o.CircuitBreaker = new CircuitBreakerOptions { BreakDuration = TimeSpan.FromDays(2) } },
        { "Conduit client 'api': RateLimit.Window must be at most 49.17:02:47.2940000 (the longest a timer can wait), but was 60.00:00:00.", o => o.RateLimit = new RateLimitOptions { Window = TimeSpan.FromDays(60) } },
        { "Conduit client 'api': Redaction.SensitiveExactNames[7] is null; remove the entry or give it a name.", o => o.Redaction.SensitiveExactNames.Add(null!) },
        { "Conduit client 'api': Redaction.SensitiveNameFragments[15] is null; remove the entry or give it a name.", o => o.Redaction.SensitiveNameFragments.Add(null!) },
        { "Conduit client 'api': DefaultHeaders contains an invalid header name 'a@b'.", o => o.DefaultHeaders["a@b"] = "x" },
        { "Conduit client 'api': DefaultHeaders contains an invalid header name 'x\"y'.", o => o.DefaultHeaders["x\"y"] = "x" },
        { "Conduit client 'api': DefaultHeaders['X-Api-Key'] must be a value without line breaks or NUL characters.", o => o.DefaultHeaders["X-Api-Key"] = "k3y\r\nX-Injected: 1" },
        { "Conduit client 'api': DefaultHeaders['X-Trace'] must be a value without line breaks or NUL characters.", o => o.DefaultHeaders["X-Trace"] = "a\0b" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsWithClearMessage(string expected, Action<ConduitClientOptions> breakIt)
    {
        var options = new ConduitClientOptions { Name = "api", BaseAddress = new Uri("https://api.example.com/") };
        breakIt(options);

        var ex = Assert.Throws<OptionsValidationException>(() => new ConduitClient(options));

        Assert.Equal([expected], ex.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneInOneException()
    {
        var options = new ConduitClientOptions { Name = "api", Retry = new RetryOptions { MaxRetries = -2 }, RateLimit = new RateLimitOptions { RequestsPerWindow = 0 } };
        options.MaxConnectionsPerServer = -1;

        var ex = Assert.Throws<OptionsValidationException>(() => new ConduitClient(options));

        Assert.Equal(3, ex.Failures.Count());
        Assert.Contains("Retry.MaxRetries", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RateLimit.RequestsPerWindow", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConnectionsPerServer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Empty(new ConduitClientOptions().Validate());
    }

    [Fact]
    public void Constructor_OptionsChangedAfterwards_DoNotChangeTheClient()
    {
        var options = new ConduitClientOptions { Name = "before", BaseAddress = new Uri("https://a.example.com/") };
        using var client = new ConduitClient(options);

        options.Name = "after";

        Assert.Equal("before", client.Name);
    }

    [Fact]
    public void SendAsync_RelativePathWithoutBaseAddress_ThrowsClearError()
    {
        using var client = new ConduitClient(new ConduitClientOptions());

        var ex = Assert.Throws<InvalidOperationException>(() => client.Get("items", TestContext.Current.CancellationToken));

        Assert.Equal("The request path 'items' is relative but the client has no BaseAddress.", ex.Message);
    }
}
