using System.Net.Security;

namespace Conduit.Mist.Compatibility;

/// <summary>The settings of a <see cref="MistAuth"/>, named after seed 1's constructor parameters and environment variables.</summary>
public sealed class MistAuthOptions
{
    /// <summary>The default base URL, Global 01's API root.</summary>
    public const string DefaultBaseUrl = "https://api.mist.com/api/v1";

    /// <summary>The API token (<c>MIST_API_TOKEN</c>). Required.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The API root (<c>MIST_BASE_URL</c>). Default <c>https://api.mist.com/api/v1</c>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The organization that <c>{org_id}</c> in endpoints stands for (<c>MIST_ORG_ID</c>).</summary>
    public string? OrgId { get; set; }

    /// <summary>The timeout of one request (<c>MIST_TIMEOUT</c>). Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a failed attempt (<c>MIST_MAX_RETRIES</c>). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The backoff factor (<c>MIST_BACKOFF_FACTOR</c>): retry <c>n</c> waits <c>factor × 2^n</c> seconds. Default 1.0.</summary>
    public double BackoffFactor { get; set; } = 1.0;

    /// <summary>At or below this many remaining calls a warning is logged (<c>MIST_RATE_LIMIT_THRESHOLD</c>). Default 10.</summary>
    public int RateLimitThreshold { get; set; } = 10;

    /// <summary>A custom certificate check (for example trusting only the sandbox's certificate).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>The clock of retries and rate-limit state. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Returns every problem with these options; empty when they are valid. The token never appears.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ApiToken))
        {
            errors.Add($"{nameof(ApiToken)} is required (argument or MIST_API_TOKEN).");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{nameof(BaseUrl)} must be an absolute http or https URL (was '{BaseUrl}').");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(Timeout)} must be positive (was {Timeout}).");
        }

        if (MaxRetries is < 0 or > 20)
        {
            errors.Add($"{nameof(MaxRetries)} must be between 0 and 20 (was {MaxRetries}).");
        }

        if (BackoffFactor is < 0 or > 600 || double.IsNaN(BackoffFactor))
        {
            errors.Add($"{nameof(BackoffFactor)} must be between 0 and 600 (was {BackoffFactor}).");
        }

        if (RateLimitThreshold < 0)
        {
            errors.Add($"{nameof(RateLimitThreshold)} must not be negative (was {RateLimitThreshold}).");
        }

        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} must not be null.");
        }

        return errors;
    }
}
