namespace Conduit.Integrations.Authentication;

/// <summary>The authentication schemes an integration can be configured with.</summary>
public enum IntegrationAuthenticationType
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary>An API key in a header (<c>X-API-Key</c> by default) or a query parameter.</summary>
    ApiKey,

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    Bearer,

    /// <summary><c>Authorization: Basic base64(user:password)</c>.</summary>
    Basic,

    /// <summary>OAuth2 client credentials: a token fetched from a token endpoint, cached and refreshed before expiry.</summary>
    OAuth2,

    /// <summary><c>Authorization: Token &lt;token&gt;</c>, the scheme of Juniper Mist API tokens.</summary>
    MistToken,
}
