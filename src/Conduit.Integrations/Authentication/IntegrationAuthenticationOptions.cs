using Conduit.Http.Authentication;

namespace Conduit.Integrations.Authentication;

/// <summary>
/// How an integration authenticates. Secret values (<see cref="ApiKey"/>, <see cref="Token"/>, <see cref="Password"/>,
/// <see cref="ClientSecret"/>) may be written as <c>${ENV:NAME}</c> references, resolved from the environment each time
/// the integration's pipeline is built; the reference, not the secret, is what <see cref="IntegrationManager.GetIntegration"/>
/// returns.
/// </summary>
public sealed class IntegrationAuthenticationOptions
{
    /// <summary>The scheme. Default <see cref="IntegrationAuthenticationType.None"/>.</summary>
    public IntegrationAuthenticationType Type { get; set; }

    /// <summary>The API key (<see cref="IntegrationAuthenticationType.ApiKey"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where the API key goes. Default a header.</summary>
    public ApiKeyLocation ApiKeyLocation { get; set; } = ApiKeyLocation.Header;

    /// <summary>The API-key header. Default <c>X-API-Key</c>.</summary>
    public string HeaderName { get; set; } = "X-API-Key";

    /// <summary>The API-key query parameter. Default <c>api_key</c>.</summary>
    public string QueryParameter { get; set; } = "api_key";

    /// <summary>The token (<see cref="IntegrationAuthenticationType.Bearer"/>, <see cref="IntegrationAuthenticationType.MistToken"/>).</summary>
    public string? Token { get; set; }

    /// <summary>The user name (<see cref="IntegrationAuthenticationType.Basic"/>).</summary>
    public string? Username { get; set; }

    /// <summary>The password (<see cref="IntegrationAuthenticationType.Basic"/>).</summary>
    public string? Password { get; set; }

    /// <summary>The OAuth2 token endpoint.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>The OAuth2 client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OAuth2 scopes, sent space-separated.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>Whether the OAuth2 client authenticates with HTTP Basic (default) rather than form fields.</summary>
    public bool UseBasicClientAuthentication { get; set; } = true;

    /// <summary>
    /// A provider built in code (for example a Redis-shared OAuth2 token cache, or any custom scheme); when set it is
    /// used as-is and <see cref="Type"/> is ignored. The manager does not dispose it.
    /// </summary>
    public AuthenticationProvider? Provider { get; set; }

    internal IntegrationAuthenticationOptions Clone() => new()
    {
        Type = Type,
        ApiKey = ApiKey,
        ApiKeyLocation = ApiKeyLocation,
        HeaderName = HeaderName,
        QueryParameter = QueryParameter,
        Token = Token,
        Username = Username,
        Password = Password,
        TokenUrl = TokenUrl,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Scopes = [.. Scopes ?? []],
        UseBasicClientAuthentication = UseBasicClientAuthentication,
        Provider = Provider,
    };
}
