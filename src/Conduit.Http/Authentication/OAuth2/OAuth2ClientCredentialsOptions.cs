namespace Conduit.Http.Authentication;

/// <summary>Settings of the OAuth2 client-credentials grant (RFC 6749 §4.4).</summary>
public sealed class OAuth2ClientCredentialsOptions
{
    /// <summary>The token endpoint URL.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Scopes to request; sent space-separated, omitted when empty.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>How long before expiry a token is refreshed. Default 60 s.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The lifetime assumed when the server sends no <c>expires_in</c>. Default 1 h.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether the client authenticates with HTTP Basic (RFC 6749 §2.3.1) rather than form fields. Default Basic.</summary>
    public bool UseBasicClientAuthentication { get; set; } = true;

    /// <summary>Validates the options; returns every problem found.</summary>
    public IEnumerable<string> Validate()
    {
        if (TokenEndpoint is null || !TokenEndpoint.IsAbsoluteUri || (TokenEndpoint.Scheme != Uri.UriSchemeHttps && TokenEndpoint.Scheme != Uri.UriSchemeHttp))
        {
            yield return "OAuth2 TokenEndpoint must be an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "OAuth2 ClientId is required.";
        }

        if (string.IsNullOrEmpty(ClientSecret))
        {
            yield return "OAuth2 ClientSecret is required.";
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero)
        {
            yield return "OAuth2 RefreshBeforeExpiry must not be negative.";
        }

        if (DefaultLifetime <= TimeSpan.Zero)
        {
            yield return "OAuth2 DefaultLifetime must be positive.";
        }
    }
}
