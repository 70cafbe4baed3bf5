using Conduit.Integrations.Authentication;
using Conduit.Integrations.Configuration;

namespace Conduit.Integrations;

/// <summary>Checks <see cref="IntegrationOptions"/>; every message names the integration and the field (as written in configuration).</summary>
internal static class IntegrationOptionsValidation
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Validates the options; when <paramref name="environment"/> is given, <c>${ENV:NAME}</c> references must resolve.</summary>
    public static List<string> Validate(IntegrationOptions o, Func<string, string?>? environment, bool checkReferences = false)
    {
        var errors = new List<string>();
        var label = string.IsNullOrWhiteSpace(o.Name) ? "Integration (unnamed)" : $"Integration '{o.Name}'";
        void Add(string field, string message) => errors.Add($"{label}: {field} {message}");

        if (string.IsNullOrWhiteSpace(o.Name))
        {
            Add("name", "is required.");
        }
        else if (!IsValidName(o.Name))
        {
            Add("name", "may contain only letters, digits, '-', '_' and '.'.");
        }

        if (o.BaseUrl is null)
        {
            Add("baseUrl", "is required.");
        }
        else if (!o.BaseUrl.IsAbsoluteUri || (o.BaseUrl.Scheme != Uri.UriSchemeHttp && o.BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            Add("baseUrl", $"must be an absolute http or https URL, but was '{o.BaseUrl.OriginalString}'.");
        }

        ValidateAuthentication(o.Authentication, Add, environment, checkReferences);
        ValidateRateLimit(o, Add);
        ValidateRetry(o, Add);
        ValidateTimeout(o.Timeout, "timeout", Add);
        ValidateTimeout(o.TotalTimeout, "totalTimeout", Add);
        if (o.Timeout > TimeSpan.Zero && o.TotalTimeout > TimeSpan.Zero && o.Timeout > o.TotalTimeout)
        {
            Add("timeout", $"({o.Timeout}) must not exceed totalTimeout ({o.TotalTimeout}).");
        }

        foreach (var (name, value) in o.DefaultHeaders ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(static c => c <= ' ' || c == ':' || c > '~'))
            {
                Add("defaultHeaders", $"contains an invalid header name '{HeaderRules.ShowName(name)}'.");
            }
            else if (checkReferences)
            {
                CheckReference(value, $"defaultHeaders.{name}", Add, environment);
            }
        }

        if (o.HealthCheck is { } health)
        {
            if (string.IsNullOrWhiteSpace(health.Method) || health.Method.Any(static c => !char.IsAsciiLetter(c)))
            {
                Add("healthCheck.method", $"must be an HTTP method such as GET, but was '{health.Method}'.");
            }

            ValidateTimeout(health.Timeout, "healthCheck.timeout", Add, allowInfinite: false);
            if (health.DegradedThreshold <= TimeSpan.Zero)
            {
                Add("healthCheck.degradedThreshold", $"must be positive, but was {health.DegradedThreshold}.");
            }
        }

        return errors;
    }

    public static bool IsValidName(string name) =>
        name.Length <= 100 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void ValidateAuthentication(IntegrationAuthenticationOptions? auth, Action<string, string> add, Func<string, string?>? environment, bool checkReferences)
    {
        if (auth is null)
        {
            add("authentication", "is required (use type 'none').");
            return;
        }

        if (auth.Provider is not null)
        {
            return;
        }

        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                add($"authentication.{field}", $"is required for authentication type '{auth.Type}'.");
            }
            else if (checkReferences)
            {
                CheckReference(value, $"authentication.{field}", add, environment);
            }
        }

        switch (auth.Type)
        {
            case IntegrationAuthenticationType.None:
                break;
            case IntegrationAuthenticationType.ApiKey:
                Require(auth.ApiKey, "apiKey");
                if (auth.ApiKeyLocation == ApiKeyLocation.Header && string.IsNullOrWhiteSpace(auth.HeaderName))
                {
                    add("authentication.headerName", "is required when the API key goes in a header.");
                }
                else if (auth.ApiKeyLocation == ApiKeyLocation.Query && string.IsNullOrWhiteSpace(auth.QueryParameter))
                {
                    add("authentication.queryParameter", "is required when the API key goes in the query.");
                }
                else if (!Enum.IsDefined(auth.ApiKeyLocation))
                {
                    add("authentication.apiKeyLocation", $"must be 'header' or 'query', but was '{auth.ApiKeyLocation}'.");
                }

                break;
            case IntegrationAuthenticationType.Bearer:
            case IntegrationAuthenticationType.MistToken:
                Require(auth.Token, "token");
                break;
            case IntegrationAuthenticationType.Basic:
                Require(auth.Username, "username");
                Require(auth.Password, "password");
                break;
            case IntegrationAuthenticationType.OAuth2:
                if (auth.TokenUrl is null || !auth.TokenUrl.IsAbsoluteUri || (auth.TokenUrl.Scheme != Uri.UriSchemeHttp && auth.TokenUrl.Scheme != Uri.UriSchemeHttps))
                {
                    add("authentication.tokenUrl", "must be an absolute http or https URL for authentication type 'OAuth2'.");
                }

                Require(auth.ClientId, "clientId");
                Require(auth.ClientSecret, "clientSecret");
                break;
            default:
                add("authentication.type", $"'{auth.Type}' is not a known authentication type.");
                break;
        }
    }

    private static void ValidateRateLimit(IntegrationOptions o, Action<string, string> add)
    {
        if (o.RateLimit is not { } rate)
        {
            return;
        }

        if (rate.RequestsPerWindow <= 0)
        {
            add("rateLimit.requestsPerWindow", $"must be positive, but was {rate.RequestsPerWindow}.");
        }

        if (rate.Window <= TimeSpan.Zero)
        {
            add("rateLimit.window", $"must be positive, but was {rate.Window}.");
        }

        if (rate.Burst < 0)
        {
            add("rateLimit.burst", $"must be 0 (same as requestsPerWindow) or more, but was {rate.Burst}.");
        }

        if (rate.QueueLimit < 0)
        {
            add("rateLimit.queueLimit", $"must be 0 or more, but was {rate.QueueLimit}.");
        }
    }

    private static void ValidateRetry(IntegrationOptions o, Action<string, string> add)
    {
        if (o.Retry is not { } retry)
        {
            add("retry", "is required (set maxRetries to 0 for none).");
            return;
        }

        if (retry.MaxRetries < 0)
        {
            add("retry.maxRetries", $"must be 0 or more, but was {retry.MaxRetries}.");
        }

        if (retry.InitialDelay < TimeSpan.Zero)
        {
            add("retry.initialDelay", $"must not be negative, but was {retry.InitialDelay}.");
        }

        if (retry.MaxDelay < retry.InitialDelay)
        {
            add("retry.maxDelay", $"({retry.MaxDelay}) must be at least retry.initialDelay ({retry.InitialDelay}).");
        }

        if (!(retry.ExponentialBase >= 1) || double.IsInfinity(retry.ExponentialBase))
        {
            add("retry.exponentialBase", $"must be a finite number of 1 or more, but was {retry.ExponentialBase}.");
        }

        foreach (var code in retry.RetryableStatusCodes ?? new HashSet<int>())
        {
            if (code is < 100 or > 599)
            {
                add("retry.retryableStatusCodes", $"contains {code}, which is not an HTTP status code.");
            }
        }
    }

    private static void ValidateTimeout(TimeSpan value, string field, Action<string, string> add, bool allowInfinite = true)
    {
        if ((!allowInfinite || value != System.Threading.Timeout.InfiniteTimeSpan) && (value < MinTimeout || value > MaxTimeout))
        {
            add(field, $"must be between 10 ms and 24 h{(allowInfinite ? " (or infinite)" : string.Empty)}, but was {value}.");
        }
    }

    private static void CheckReference(string? value, string field, Action<string, string> add, Func<string, string?>? environment)
    {
        if (SecretReference.IsReference(value) && SecretReference.Resolve(value, environment, out var missing) is null)
        {
            add(field, missing!.StartsWith("${", StringComparison.Ordinal)
                ? $"has a malformed environment reference '{missing}' (expected ${{ENV:NAME}})."
                : $"references environment variable '{missing}', which is not set.");
        }
    }
}
