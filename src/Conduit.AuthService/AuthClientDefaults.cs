namespace Conduit.AuthService;

/// <summary>The defaults of <see cref="AuthClientOptions"/>.</summary>
public static class AuthClientDefaults
{
    /// <summary>The default base URL, <c>https://localhost/api</c>.</summary>
    public static Uri BaseUrl { get; } = new("https://localhost/api");

    /// <summary>The default per-attempt timeout, 10 s.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The default number of retries, 3.</summary>
    public const int MaxRetries = 3;

    /// <summary>How long before expiry an access token is refreshed by default, 60 s.</summary>
    public static TimeSpan RefreshBeforeExpiry { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The status codes retried: 408, 500, 502, 503, 504. Not 429: the auth service answers 429 only to throttle logins
    /// for one account or address, for minutes, and repeating the attempt would not help.
    /// </summary>
    public static IReadOnlyList<int> RetryableStatusCodes { get; } = [408, 500, 502, 503, 504];
}
