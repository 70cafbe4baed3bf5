using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.Resilience;
using Conduit.Http.Transport;
using Conduit.Integrations.Authentication;
using Conduit.Integrations.Configuration;
using Microsoft.Extensions.Logging;

namespace Conduit.Integrations.Pipeline;

/// <summary>Builds an <see cref="IntegrationPipeline"/> from validated options: resolves secrets, creates the authentication provider and the clients.</summary>
internal sealed class IntegrationPipelineFactory(IntegrationManagerOptions managerOptions, ILoggerFactory? loggerFactory, IMeterFactory meterFactory)
{
    /// <summary>The suffix of the health-probe client's name; '#' cannot appear in an integration name, so probes never count as calls.</summary>
    public const string ProbeSuffix = "#health";

    public IntegrationPipeline Build(IntegrationOptions options)
    {
        var owned = new List<IDisposable>();
        try
        {
            var clientOptions = CreateClientOptions(options);
            try
            {
                clientOptions.Authentication = CreateAuthentication(options.Authentication, clientOptions, owned);
            }
            catch (ArgumentException ex)
            {
                // A credential a header cannot carry (a line break, NUL) or an invalid header name; the messages never show the credential.
                throw new IntegrationConfigurationException($"Integration '{options.Name}': authentication: {ex.Message}", ex);
            }
            // A shared limiter (e.g. Redis) replaces the local bucket and runs where the core waits for permits:
            // before the attempt timeout, counted on the rate-limit-wait metric. The pipeline owns and disposes it.
            RateLimiter? limiter = options.RateLimiterFactory?.Invoke(options.Clone());
            if (limiter is not null)
            {
                clientOptions.RateLimit = null;
                clientOptions.RateLimiter = limiter;
            }

            var client = new ConduitClient(clientOptions, loggerFactory, meterFactory);
            return new IntegrationPipeline(options, client, clientOptions.Authentication, limiter, () => CreateProbe(options, clientOptions), owned);
        }
        catch
        {
            owned.ForEach(static d => d.Dispose());
            throw;
        }
    }

    private ConduitClientOptions CreateClientOptions(IntegrationOptions o)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in o.DefaultHeaders)
        {
            headers[name] = Resolve(value, o.Name, $"defaultHeaders.{name}");
        }

        var copy = o.Clone();
        return new ConduitClientOptions
        {
            Name = o.Name,
            BaseAddress = EnsureTrailingSlash(o.BaseUrl!),
            DefaultHeaders = headers,
            Retry = copy.Retry,
            RateLimit = copy.RateLimit,
            AttemptTimeout = o.Timeout,
            TotalTimeout = o.TotalTimeout,
            VerifyTls = o.VerifyTls,
            TimeProvider = managerOptions.TimeProvider,
        };
    }

    private ConduitClient CreateProbe(IntegrationOptions o, ConduitClientOptions main)
    {
        var timeout = o.HealthCheck.Timeout;
        var probe = new ConduitClientOptions
        {
            Name = o.Name + ProbeSuffix,
            BaseAddress = main.BaseAddress,
            DefaultHeaders = main.DefaultHeaders,
            Authentication = main.Authentication,
            Retry = new RetryOptions { MaxRetries = 0 },
            AttemptTimeout = timeout,
            TotalTimeout = timeout,
            VerifyTls = main.VerifyTls,
            TimeProvider = main.TimeProvider,
        };
        return new ConduitClient(probe, loggerFactory, meterFactory);
    }

    private AuthenticationProvider CreateAuthentication(IntegrationAuthenticationOptions a, ConduitClientOptions clientOptions, List<IDisposable> owned)
    {
        if (a.Provider is { } custom)
        {
            return custom;
        }

        var name = clientOptions.Name;
        switch (a.Type)
        {
            case IntegrationAuthenticationType.ApiKey:
                var key = Resolve(a.ApiKey, name, "authentication.apiKey");
                return a.ApiKeyLocation == ApiKeyLocation.Query
                    ? new QueryApiKeyAuthentication(key, a.QueryParameter)
                    : HeaderAuthentication.ApiKey(key, a.HeaderName);
            case IntegrationAuthenticationType.Bearer:
                return HeaderAuthentication.Bearer(Resolve(a.Token, name, "authentication.token"));
            case IntegrationAuthenticationType.MistToken:
                return HeaderAuthentication.MistToken(Resolve(a.Token, name, "authentication.token"));
            case IntegrationAuthenticationType.Basic:
                return HeaderAuthentication.Basic(Resolve(a.Username, name, "authentication.username"), Resolve(a.Password, name, "authentication.password"));
            case IntegrationAuthenticationType.OAuth2:
                var tokenClient = new HttpClient(HttpHandlerFactory.Create(clientOptions), disposeHandler: true) { Timeout = clientOptions.AttemptTimeout };
                owned.Add(tokenClient);
                var provider = new OAuth2ClientCredentialsAuthentication(
                    new OAuth2ClientCredentialsOptions
                    {
                        TokenEndpoint = a.TokenUrl,
                        ClientId = Resolve(a.ClientId, name, "authentication.clientId"),
                        ClientSecret = Resolve(a.ClientSecret, name, "authentication.clientSecret"),
                        Scopes = [.. a.Scopes],
                        UseBasicClientAuthentication = a.UseBasicClientAuthentication,
                    },
                    tokenClient,
                    managerOptions.TimeProvider);
                owned.Add(provider);
                return provider;
            default:
                return NoAuthentication.Instance;
        }
    }

    private string Resolve(string? value, string integration, string field) =>
        SecretReference.Resolve(value, managerOptions.Environment, out var missing)
        ?? throw new IntegrationConfigurationException($"Integration '{integration}': {field} references environment variable '{missing}', which is not set.");

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
