using System.Net;
using Microsoft.Extensions.Options;

namespace Conduit.Http;

/// <summary>Checks <see cref="ConduitClientOptions"/> and reports every problem in one message.</summary>
public sealed class ConduitClientOptionsValidation : IValidateOptions<ConduitClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConduitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(ConduitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(options.Name, typeof(ConduitClientOptions), errors);
        }
    }

    internal static List<string> Validate(ConduitClientOptions o)
    {
        var errors = new List<string>();
        var prefix = $"Conduit client '{o.Name}': ";
        void Add(string message) => errors.Add(prefix + message);

        if (string.IsNullOrWhiteSpace(o.Name))
        {
            Add("Name is required.");
        }

        if (o.BaseAddress is { } baseAddress &&
            (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps)))
        {
            Add($"BaseAddress must be an absolute http or https URL, but was '{baseAddress.OriginalString}'.");
        }

        if (o.Authentication is null)
        {
            Add("Authentication is required (use NoAuthentication.Instance for none).");
        }

        var retry = o.Retry;
        if (retry is null)
        {
            Add("Retry is required.");
        }
        else
        {
            if (retry.MaxRetries < 0)
            {
                Add($"Retry.MaxRetries must be 0 or more, but was {retry.MaxRetries}.");
            }

            if (retry.InitialDelay < TimeSpan.Zero)
            {
                Add($"Retry.InitialDelay must not be negative, but was {retry.InitialDelay}.");
            }

            if (retry.MaxDelay < retry.InitialDelay)
            {
                Add($"Retry.MaxDelay ({retry.MaxDelay}) must be at least Retry.InitialDelay ({retry.InitialDelay}).");
            }

            if (!(retry.ExponentialBase >= 1) || double.IsInfinity(retry.ExponentialBase))
            {
                Add($"Retry.ExponentialBase must be a finite number of 1 or more, but was {retry.ExponentialBase}.");
            }

            foreach (var code in retry.RetryableStatusCodes ?? new HashSet<int>())
            {
                if (code is < 100 or > 599)
                {
                    Add($"Retry.RetryableStatusCodes contains {code}, which is not an HTTP status code.");
                }
            }
        }

        if (o.RateLimit is { } rate)
        {
            if (rate.RequestsPerWindow <= 0)
            {
                Add($"RateLimit.RequestsPerWindow must be positive, but was {rate.RequestsPerWindow}.");
            }

            if (rate.Window <= TimeSpan.Zero)
            {
                Add($"RateLimit.Window must be positive, but was {rate.Window}.");
            }
            else if (rate.Window > MaxTimerPeriod)
            {
                Add($"RateLimit.Window must be at most {MaxTimerPeriod} (the longest a timer can wait), but was {rate.Window}.");
            }

            if (rate.Burst < 0)
            {
                Add($"RateLimit.Burst must be 0 (same as RequestsPerWindow) or more, but was {rate.Burst}.");
            }

            if (rate.QueueLimit < 0)
            {
                Add($"RateLimit.QueueLimit must be 0 or more, but was {rate.QueueLimit}.");
            }
        }

        if (o.RateLimit is not null && o.RateLimiter is not null)
        {
            Add("Set either RateLimit (a client-side token bucket) or RateLimiter (your own limiter), not both.");
        }

        if (o.ServerRateLimit is null)
        {
            Add("ServerRateLimit is required.");
        }

        ValidateTimeout(o.AttemptTimeout, "AttemptTimeout", Add);
        ValidateTimeout(o.TotalTimeout, "TotalTimeout", Add);
        if (o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout > TimeSpan.Zero && o.AttemptTimeout > o.TotalTimeout)
        {
            Add($"AttemptTimeout ({o.AttemptTimeout}) must not exceed TotalTimeout ({o.TotalTimeout}).");
        }

        if (o.CircuitBreaker is { } breaker)
        {
            if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
            {
                Add($"CircuitBreaker.FailureRatio must be in (0, 1], but was {breaker.FailureRatio}.");
            }

            if (breaker.MinimumThroughput < 2)
            {
                Add($"CircuitBreaker.MinimumThroughput must be at least 2, but was {breaker.MinimumThroughput}.");
            }

            // Polly's CircuitBreakerStrategyOptions accepts 0.5 s to 1 day for both durations.
            if (breaker.SamplingDuration < TimeSpan.FromMilliseconds(500))
            {
                Add($"CircuitBreaker.SamplingDuration must be at least 500 ms, but was {breaker.SamplingDuration}.");
            }
            else if (breaker.SamplingDuration > TimeSpan.FromDays(1))
            {
                Add($"CircuitBreaker.SamplingDuration must be at most 24 h, but was {breaker.SamplingDuration}.");
            }

            if (breaker.BreakDuration < TimeSpan.FromMilliseconds(500))
            {
                Add($"CircuitBreaker.BreakDuration must be at least 500 ms, but was {breaker.BreakDuration}.");
            }
            else if (breaker.BreakDuration > TimeSpan.FromDays(1))
            {
                Add($"CircuitBreaker.BreakDuration must be at most 24 h, but was {breaker.BreakDuration}.");
            }
        }

        if (o.Proxy?.Address is { } proxy && (!proxy.IsAbsoluteUri || proxy.Scheme is not ("http" or "https" or "socks4" or "socks4a" or "socks5")))
        {
            Add($"Proxy.Address must be an absolute http, https or socks URL, but was '{proxy.OriginalString}'.");
        }

        if (o.MaxResponseBodySize <= 0 || o.MaxResponseBodySize > int.MaxValue)
        {
            Add($"MaxResponseBodySize must be between 1 and {int.MaxValue} bytes, but was {o.MaxResponseBodySize}.");
        }

        const DecompressionMethods decodable = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli;
        if (o.Decompression != DecompressionMethods.All && (o.Decompression & ~decodable) != 0)
        {
            Add($"Decompression must combine GZip, Deflate and Brotli (or be None or All), but was {(int)o.Decompression}.");
        }

        if (o.MaxConnectionsPerServer <= 0)
        {
            Add($"MaxConnectionsPerServer must be positive, but was {o.MaxConnectionsPerServer}.");
        }

        foreach (var header in o.DefaultHeaders ?? new Dictionary<string, string>())
        {
            if (!HeaderRules.IsValidName(header.Key))
            {
                Add($"DefaultHeaders contains an invalid header name '{HeaderRules.ShowName(header.Key)}'.");
            }
            else if (!HeaderRules.IsValidValue(header.Value))
            {
                // The value is not shown: default headers often carry keys.
                Add($"DefaultHeaders['{header.Key}'] must be a value without line breaks or NUL characters.");
            }
        }

        if (o.Redaction is null)
        {
            Add("Redaction is required.");
        }
        else
        {
            ValidateNames(o.Redaction.SensitiveNameFragments, "Redaction.SensitiveNameFragments", Add);
            ValidateNames(o.Redaction.SensitiveExactNames, "Redaction.SensitiveExactNames", Add);
        }

        if (o.TimeProvider is null)
        {
            Add("TimeProvider is required.");
        }

        return errors;
    }

    /// <summary>The longest period a <see cref="ITimer"/> accepts (<c>uint.MaxValue - 1</c> milliseconds, about 49.7 days).</summary>
    private static readonly TimeSpan MaxTimerPeriod = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private static void ValidateNames(IList<string>? names, string option, Action<string> add)
    {
        if (names is null)
        {
            add($"{option} is required.");
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is null)
            {
                add($"{option}[{i}] is null; remove the entry or give it a name.");
            }
        }
    }

    private static void ValidateTimeout(TimeSpan value, string name, Action<string> add)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1)))
        {
            add($"{name} must be between 10 ms and 24 h, or Timeout.InfiniteTimeSpan, but was {value}.");
        }
    }
}
