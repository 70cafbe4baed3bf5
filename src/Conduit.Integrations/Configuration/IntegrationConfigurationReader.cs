using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;
using Conduit.Integrations.Authentication;
using Microsoft.Extensions.Configuration;

namespace Conduit.Integrations.Configuration;

/// <summary>
/// Turns a configuration section into <see cref="IntegrationOptions"/>. The section's children are the integrations:
/// either a list (each with a <c>name</c>) or an object keyed by name. Every problem — an unknown field, a value that
/// does not parse, a duplicate name — is collected, each message naming the integration and the field.
/// </summary>
internal static class IntegrationConfigurationReader
{
    private static readonly Dictionary<string, IntegrationAuthenticationType> AuthTypes = new(StringComparer.Ordinal)
    {
        ["NONE"] = IntegrationAuthenticationType.None,
        ["APIKEY"] = IntegrationAuthenticationType.ApiKey,
        ["BEARER"] = IntegrationAuthenticationType.Bearer,
        ["BEARERTOKEN"] = IntegrationAuthenticationType.Bearer,
        ["BASIC"] = IntegrationAuthenticationType.Basic,
        ["OAUTH2"] = IntegrationAuthenticationType.OAuth2,
        ["MISTTOKEN"] = IntegrationAuthenticationType.MistToken,
    };

    private static readonly Dictionary<string, ApiKeyLocation> Locations = new(StringComparer.Ordinal)
    {
        ["HEADER"] = ApiKeyLocation.Header,
        ["QUERY"] = ApiKeyLocation.Query,
    };

    /// <summary>The read errors of each integration, so validation does not repeat "is required" for a field that did not parse.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IntegrationOptions, List<string>> Unparsed = [];

    public static List<IntegrationOptions> Read(IConfiguration section, List<string> errors)
    {
        var result = new List<IntegrationOptions>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var isIndex = int.TryParse(child.Key, out _);
            var name = child.GetSection("name").Value is { Length: > 0 } explicitName ? explicitName : isIndex ? null : child.Key;
            var label = name is null ? $"Integration #{child.Key}" : $"Integration '{name}'";
            if (child.Value is { Length: > 0 })
            {
                errors.Add($"{label}: must be an object, not a single value.");
                continue;
            }

            var before = errors.Count;
            var options = ReadIntegration(child, label, errors);
            if (errors.Count > before)
            {
                Unparsed.AddOrUpdate(options, [.. errors.Skip(before)]);
            }

            options.Name = name ?? string.Empty;
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{label}: name is defined more than once.");
                continue;
            }

            result.Add(options);
        }

        return result;
    }

    private static IntegrationOptions ReadIntegration(IConfigurationSection section, string label, List<string> errors)
    {
        var r = new ConfigurationSectionReader(section, label, string.Empty, errors);
        var o = new IntegrationOptions();
        _ = r.String("name");
        o.BaseUrl = r.AbsoluteUri("baseUrl");
        o.Timeout = r.Duration("timeout") ?? o.Timeout;
        o.TotalTimeout = r.Duration("totalTimeout") ?? o.TotalTimeout;
        o.VerifyTls = r.Bool("verifyTls") ?? o.VerifyTls;
        if (r.Map("defaultHeaders") is { } headers)
        {
            o.DefaultHeaders = headers;
        }

        if (r.Nested("authentication") is { } auth)
        {
            o.Authentication = ReadAuthentication(auth);
        }

        if (r.Nested("rateLimit") is { } rate)
        {
            o.RateLimit = ReadRateLimit(rate);
        }

        if (r.Nested("retry") is { } retry)
        {
            o.Retry = ReadRetry(retry);
        }

        if (r.Nested("healthCheck") is { } health)
        {
            var h = o.HealthCheck;
            h.Enabled = health.Bool("enabled") ?? h.Enabled;
            h.Path = health.Has("path") ? health.String("path") ?? string.Empty : h.Path;
            h.Method = health.String("method")?.ToUpperInvariant() ?? h.Method;
            h.Timeout = health.Duration("timeout") ?? h.Timeout;
            h.DegradedThreshold = health.Duration("degradedThreshold") ?? h.DegradedThreshold;
            health.ReportUnknownFields();
        }

        r.ReportUnknownFields();
        return o;
    }

    private static IntegrationAuthenticationOptions ReadAuthentication(ConfigurationSectionReader r)
    {
        var a = new IntegrationAuthenticationOptions
        {
            Type = r.Enum("type", AuthTypes) ?? IntegrationAuthenticationType.None,
            ApiKey = r.String("apiKey"),
            Token = r.String("token"),
            Username = r.String("username"),
            Password = r.String("password"),
            TokenUrl = r.AbsoluteUri("tokenUrl"),
            ClientId = r.String("clientId"),
            ClientSecret = r.String("clientSecret"),
        };
        a.ApiKeyLocation = r.Enum("apiKeyLocation", Locations) ?? a.ApiKeyLocation;
        a.HeaderName = r.String("headerName") ?? a.HeaderName;
        a.QueryParameter = r.String("queryParameter") ?? a.QueryParameter;
        a.Scopes = r.StringList("scopes") ?? a.Scopes;
        a.UseBasicClientAuthentication = r.Bool("useBasicClientAuthentication") ?? a.UseBasicClientAuthentication;
        r.ReportUnknownFields();
        return a;
    }

    private static RateLimitOptions? ReadRateLimit(ConfigurationSectionReader r)
    {
        var enabled = r.Bool("enabled") ?? true;
        var rate = new RateLimitOptions();
        rate.RequestsPerWindow = r.Int("requestsPerWindow") ?? rate.RequestsPerWindow;
        rate.Window = r.Duration("window") ?? rate.Window;
        rate.Burst = r.Int("burst") ?? rate.Burst;
        rate.QueueLimit = r.Int("queueLimit") ?? rate.QueueLimit;
        r.ReportUnknownFields();
        return enabled ? rate : null;
    }

    private static RetryOptions ReadRetry(ConfigurationSectionReader r)
    {
        var retry = new RetryOptions();
        var enabled = r.Bool("enabled") ?? true;
        retry.MaxRetries = r.Int("maxRetries") ?? retry.MaxRetries;
        retry.InitialDelay = r.Duration("initialDelay") ?? retry.InitialDelay;
        retry.MaxDelay = r.Duration("maxDelay") ?? retry.MaxDelay;
        retry.ExponentialBase = r.Double("exponentialBase") ?? retry.ExponentialBase;
        retry.UseJitter = r.Bool("useJitter") ?? retry.UseJitter;
        if (r.IntList("retryableStatusCodes") is { } codes)
        {
            retry.RetryableStatusCodes = new HashSet<int>(codes);
        }

        retry.RetryOnTimeout = r.Bool("retryOnTimeout") ?? retry.RetryOnTimeout;
        retry.RetryOnConnectionFailure = r.Bool("retryOnConnectionFailure") ?? retry.RetryOnConnectionFailure;
        retry.HonorRetryAfter = r.Bool("honorRetryAfter") ?? retry.HonorRetryAfter;
        r.ReportUnknownFields();
        if (!enabled)
        {
            retry.MaxRetries = 0;
        }

        return retry;
    }
}
