using System.Globalization;
using System.Text.Json;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Mist.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conduit.Mist.Compatibility;

/// <summary>
/// The seed-1 <c>MistAuth</c> surface on the Conduit core: a token-authenticated client with <c>{org_id}</c>
/// substitution, organizations, connection test and rate-limit tracking. Errors are <see cref="MistAuthException"/>
/// and <see cref="MistRateLimitException"/>. For new code prefer <see cref="MistSession"/> and the generated API.
/// </summary>
/// <example>
/// <code>
/// using var auth = new MistAuth(new MistAuthOptions { ApiToken = token, OrgId = orgId });
/// var status = auth.TestConnection();
/// var sites = auth.MakeRequest("/orgs/{org_id}/sites");
/// </code>
/// </example>
public class MistAuth : IDisposable
{
    private readonly MistAuthOptions options;
    private readonly ConduitClient client;
    private readonly ILogger logger;
    private long remaining = -1;
    private long resetTicks;

    /// <summary>Creates the client; nothing is sent until the first call.</summary>
    /// <param name="options">The settings; every problem is reported at once.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public MistAuth(MistAuthOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(MistAuthOptions), typeof(MistAuthOptions), errors);
        }

        this.options = options;
        logger = (ILogger?)loggerFactory?.CreateLogger("Conduit.Mist.MistAuth") ?? NullLogger.Instance;
        OrgId = options.OrgId;
        BaseUrl = new Uri(options.BaseUrl.TrimEnd('/') + "/");
        var clientOptions = new ConduitClientOptions
        {
            Name = "mist-auth",
            BaseAddress = BaseUrl,
            Authentication = HeaderAuthentication.MistToken(options.ApiToken!.Trim()),
            AttemptTimeout = options.Timeout,
            ServerCertificateValidation = options.ServerCertificateValidation,
            TimeProvider = options.TimeProvider,
        };
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        Logging.MistLogSanitizer.AddMistNames(clientOptions.Redaction);
        clientOptions.Retry.InitialDelay = TimeSpan.FromSeconds(options.BackoffFactor);
        clientOptions.Retry.ExponentialBase = 2;
        clientOptions.ServerRateLimit.LowQuotaWarningThreshold = options.RateLimitThreshold;
        client = new ConduitClient(clientOptions, loggerFactory);
    }

    /// <summary>Creates the client with a token and, optionally, an org id; other settings default.</summary>
    public MistAuth(string apiToken, string? orgId = null)
        : this(new MistAuthOptions { ApiToken = apiToken, OrgId = orgId })
    {
    }

    /// <summary>The organization <c>{org_id}</c> stands for.</summary>
    public string? OrgId { get; set; }

    /// <summary>The API root every endpoint is relative to.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The underlying client.</summary>
    public ConduitClient Client => client;

    /// <summary>The last <c>X-RateLimit-Remaining</c> the service sent, or null when it never did.</summary>
    public long? RateLimitRemaining => Interlocked.Read(ref remaining) is var value && value >= 0 ? value : null;

    /// <summary>When the rate-limit window resets (<c>X-RateLimit-Reset</c>), or null when unknown.</summary>
    public DateTimeOffset? RateLimitReset => Interlocked.Read(ref resetTicks) is var ticks && ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The warning threshold (<c>MIST_RATE_LIMIT_THRESHOLD</c>).</summary>
    public int RateLimitThreshold => options.RateLimitThreshold;

    /// <summary>Whether the remaining calls are at or below <see cref="RateLimitThreshold"/>.</summary>
    public bool IsRateLimitLow => RateLimitRemaining is { } left && left <= options.RateLimitThreshold;

    /// <summary>Calls an endpoint (seed 1's <c>make_request</c>) and returns its JSON answer.</summary>
    /// <param name="endpoint">A path under <see cref="BaseUrl"/> such as <c>/orgs/{org_id}/sites</c>; <c>{org_id}</c> becomes <see cref="OrgId"/>.</param>
    /// <param name="method">The method; GET when null.</param>
    /// <param name="parameters">Query parameters; null values are skipped.</param>
    /// <param name="json">A JSON body for POST and PUT.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MistRateLimitException">The rate limit was exceeded.</exception>
    /// <exception cref="MistAuthException">Any other failure, with its status code.</exception>
    public virtual Task<JsonElement> MakeRequestAsync(string endpoint, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? parameters = null, JsonElement? json = null, CancellationToken cancellationToken = default) =>
        SendAsync(Build(endpoint, method, parameters, json), async: true, cancellationToken).AsTask();

    /// <summary>The synchronous form of <see cref="MakeRequestAsync"/>.</summary>
    public virtual JsonElement MakeRequest(string endpoint, HttpMethod? method = null, IEnumerable<KeyValuePair<string, string?>>? parameters = null, JsonElement? json = null, CancellationToken cancellationToken = default) =>
        Complete(SendAsync(Build(endpoint, method, parameters, json), async: false, cancellationToken));

    /// <summary>The organizations the token reaches (seed 1's <c>get_organizations</c>), from <c>/self</c>.</summary>
    public virtual async Task<IReadOnlyList<MistOrganization>> GetOrganizationsAsync(CancellationToken cancellationToken = default) =>
        Organizations(await MakeRequestAsync("/self", cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary>The synchronous form of <see cref="GetOrganizationsAsync"/>.</summary>
    public virtual IReadOnlyList<MistOrganization> GetOrganizations(CancellationToken cancellationToken = default) =>
        Organizations(MakeRequest("/self", cancellationToken: cancellationToken));

    /// <summary>One organization's details (seed 1's <c>get_organization_info</c>); <see cref="OrgId"/> when <paramref name="orgId"/> is null.</summary>
    public virtual Task<JsonElement> GetOrganizationInfoAsync(string? orgId = null, CancellationToken cancellationToken = default) =>
        MakeRequestAsync(OrgPath(orgId), cancellationToken: cancellationToken);

    /// <summary>The synchronous form of <see cref="GetOrganizationInfoAsync"/>.</summary>
    public virtual JsonElement GetOrganizationInfo(string? orgId = null, CancellationToken cancellationToken = default) =>
        MakeRequest(OrgPath(orgId), cancellationToken: cancellationToken);

    /// <summary>Checks the token against <c>/self</c> (seed 1's <c>test_connection</c>); never throws for an API failure.</summary>
    public virtual async Task<MistConnectionStatus> TestConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return Connected(await MakeRequestAsync("/self", cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (ApiException ex)
        {
            return Failed(ex);
        }
    }

    /// <summary>The synchronous form of <see cref="TestConnectionAsync"/>.</summary>
    public virtual MistConnectionStatus TestConnection(CancellationToken cancellationToken = default)
    {
        try
        {
            return Connected(MakeRequest("/self", cancellationToken: cancellationToken));
        }
        catch (ApiException ex)
        {
            return Failed(ex);
        }
    }

    /// <summary>Releases the connection pool (seed 1's <c>close</c>).</summary>
    public void Close() => Dispose();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the client.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            client.Dispose();
        }
    }

    private ApiRequest Build(string endpoint, HttpMethod? method, IEnumerable<KeyValuePair<string, string?>>? parameters, JsonElement? json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (endpoint.Contains("{org_id}", StringComparison.Ordinal))
        {
            if (string.IsNullOrEmpty(OrgId))
            {
                throw new MistAuthException($"The endpoint '{endpoint}' needs an org id: set {nameof(MistAuthOptions.OrgId)} (or MIST_ORG_ID).");
            }

            endpoint = endpoint.Replace("{org_id}", Uri.EscapeDataString(OrgId), StringComparison.Ordinal);
        }

        var request = new ApiRequest(method ?? HttpMethod.Get, endpoint.TrimStart('/'));
        foreach (var (name, value) in parameters ?? [])
        {
            request.WithQuery(name, value);
        }

        if (json is { } body)
        {
            request.Body = JsonBody.From(body);
        }

        return request;
    }

    private async ValueTask<JsonElement> SendAsync(ApiRequest request, bool async, CancellationToken cancellationToken)
    {
        ApiResponse response;
        try
        {
            response = async ? await client.SendAsync(request, cancellationToken).ConfigureAwait(false) : client.Send(request, cancellationToken);
        }
        catch (RateLimitedException ex)
        {
            Track(ex.Response);
            throw new MistRateLimitException(ex);
        }
        catch (ApiException ex)
        {
            Track(ex.Response);
            throw new MistAuthException(ex);
        }

        Track(response);
        if (response.Content.IsEmpty)
        {
            return JsonElement.Parse("{}");
        }

        using var document = response.ReadJsonDocument();
        return document.RootElement.Clone();
    }

    private void Track(ApiResponse? response)
    {
        if (response is null)
        {
            return;
        }

        if (long.TryParse(response.GetHeader("X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left))
        {
            Interlocked.Exchange(ref remaining, left);
            if (left <= options.RateLimitThreshold)
            {
                MistAuthLog.LowQuota(logger, left, options.RateLimitThreshold);
            }
        }

        if (long.TryParse(response.GetHeader("X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset) && reset > 0)
        {
            var at = reset > 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(reset) : options.TimeProvider.GetUtcNow().AddSeconds(reset);
            Interlocked.Exchange(ref resetTicks, at.UtcTicks);
        }
    }

    private string OrgPath(string? orgId)
    {
        var id = orgId ?? OrgId;
        return string.IsNullOrEmpty(id)
            ? throw new MistAuthException($"No org id: pass one or set {nameof(MistAuthOptions.OrgId)} (or MIST_ORG_ID).")
            : "/orgs/" + Uri.EscapeDataString(id);
    }

    private static IReadOnlyList<MistOrganization> Organizations(JsonElement selfBody) =>
        [.. MistSelf.Parse(selfBody).OrgPrivileges.Select(p => new MistOrganization(p.OrgId!, p.OrgName ?? p.Name ?? p.OrgId!, p.Role, p.MspId))];

    private static MistConnectionStatus Connected(JsonElement selfBody)
    {
        var self = MistSelf.Parse(selfBody);
        return new MistConnectionStatus("connected", self.Email, self.FullName, self.OrgPrivileges.Count, 200, null);
    }

    private static MistConnectionStatus Failed(ApiException ex) => new("failed", null, null, 0, ex.StatusCode, ex.Message);

    private static T Complete<T>(ValueTask<T> pending) =>
        pending.IsCompleted ? pending.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous call did not complete synchronously.");
}
