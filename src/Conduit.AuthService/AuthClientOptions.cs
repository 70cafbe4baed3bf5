using Conduit.Http;

namespace Conduit.AuthService;

/// <summary>
/// Settings of an <see cref="AuthClient"/>. The client copies them when it is built, so changing them afterwards
/// changes nothing; <see cref="Validate"/> lists every problem at once.
/// </summary>
public sealed class AuthClientOptions
{
    /// <summary>The base URL of the auth service API. Default <c>https://localhost/api</c>.</summary>
    public Uri BaseUrl { get; set; } = AuthClientDefaults.BaseUrl;

    /// <summary>
    /// The timeout of one attempt. Default 10 s. A whole call (retries included) may take up to
    /// <c>Timeout × (MaxRetries + 1)</c> plus one minute of back-off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = AuthClientDefaults.Timeout;

    /// <summary>
    /// Retries after a failed attempt. Default 3. Connection failures, timeouts and 408/5xx are retried, but a POST
    /// (login, refresh…) only when it cannot have reached the server, so a refresh token is never sent twice.
    /// </summary>
    public int MaxRetries { get; set; } = AuthClientDefaults.MaxRetries;

    /// <summary>Whether the server's TLS certificate is verified. Default on; turn it off only for a development server.</summary>
    public bool VerifySsl { get; set; } = true;

    /// <summary>How long before the access token expires the client refreshes it. Default 60 s.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = AuthClientDefaults.RefreshBeforeExpiry;

    /// <summary>The clock for token expiry, timeouts and back-off. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the session is kept; <see langword="null"/> (default) keeps it in memory for the client's lifetime.</summary>
    public IAuthTokenStore? TokenStore { get; set; }

    /// <summary>
    /// Adjusts the underlying <see cref="ConduitClientOptions"/> after the client has set them from these options (proxy,
    /// headers, retry delays, body logging…). The base address and authentication are reset afterwards: the client owns them.
    /// </summary>
    public Action<ConduitClientOptions>? ConfigureHttp { get; set; }

    /// <summary>Returns every problem with these options; empty when they are valid.</summary>
    /// <returns>The problems, one sentence each.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"AuthClientOptions.BaseUrl must be an absolute http or https URL, but was '{BaseUrl?.OriginalString}'.");
        }

        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromHours(1))
        {
            errors.Add($"AuthClientOptions.Timeout must be between 10 ms and 1 h, but was {Timeout}.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"AuthClientOptions.MaxRetries must be between 0 and 10, but was {MaxRetries}.");
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero)
        {
            errors.Add($"AuthClientOptions.RefreshBeforeExpiry must not be negative, but was {RefreshBeforeExpiry}.");
        }

        if (TimeProvider is null)
        {
            errors.Add("AuthClientOptions.TimeProvider is required.");
        }

        return errors;
    }

    internal AuthClientOptions Clone() => (AuthClientOptions)MemberwiseClone();
}
