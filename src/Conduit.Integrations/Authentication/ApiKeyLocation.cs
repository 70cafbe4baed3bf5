namespace Conduit.Integrations.Authentication;

/// <summary>Where an API key is sent.</summary>
public enum ApiKeyLocation
{
    /// <summary>In a request header (<see cref="IntegrationAuthenticationOptions.HeaderName"/>).</summary>
    Header,

    /// <summary>In a query parameter (<see cref="IntegrationAuthenticationOptions.QueryParameter"/>).</summary>
    Query,
}
