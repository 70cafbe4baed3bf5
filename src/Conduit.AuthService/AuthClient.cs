using System.Diagnostics.Metrics;
using System.Text.Json.Serialization.Metadata;
using Conduit.AuthService.Sessions;
using Conduit.AuthService.Telemetry;
using Conduit.AuthService.Wire;
using Conduit.Http;
using Conduit.Http.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conduit.AuthService;

/// <summary>
/// A client for the Conduit auth service: registration, login and logout, the current user's profile, password
/// change and reset, email verification and health. It keeps the session (in an <see cref="IAuthTokenStore"/>),
/// refreshes the access token shortly before it expires and once after a 401, with exactly one refresh in flight
/// however many calls wait. Every operation has an asynchronous form and a true synchronous form (no sync-over-async).
/// Thread-safe: create one per user session and reuse it; for many users, create them from an <see cref="AuthClientFactory"/>.
/// </summary>
/// <remarks>
/// Built on <see cref="ConduitClient"/>: connection failures, timeouts and 408/5xx are retried (a POST only when it
/// cannot have reached the server, so a password or refresh token is never sent twice), logs and messages are redacted.
/// Every failure is an <see cref="AuthException"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var auth = new AuthClient(new AuthClientOptions { BaseUrl = new Uri("https://auth.example.com/api") });
/// var session = await auth.LoginAsync("user@example.com", password);
/// var me = await auth.GetCurrentUserAsync();
/// Console.WriteLine($"Logged in as {me.FullName}");
/// </code>
/// </example>
public partial class AuthClient : IDisposable, IAsyncDisposable
{
    private static readonly AuthServiceJsonContext Json = AuthServiceJsonContext.Default;
    private readonly ConduitClient _http = null!;
    private readonly TokenSession _session = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private int _disposed;

    /// <summary>For mocking: creates a client with no connection; every member used must be overridden.</summary>
    protected AuthClient()
    {
    }

    /// <summary>Creates a client for the auth service at <paramref name="baseUrl"/> with default options.</summary>
    /// <param name="baseUrl">The base URL of the API, e.g. <c>https://auth.example.com/api</c>.</param>
    public AuthClient(Uri baseUrl)
        : this(new AuthClientOptions { BaseUrl = baseUrl })
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="options">The options; copied and validated.</param>
    /// <param name="loggerFactory">Where logs go (the client's and the HTTP core's); none when null.</param>
    /// <param name="meterFactory">Where metrics go; the shared meters when null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public AuthClient(AuthClientOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
        : this(options, sharedHandler: null, loggerFactory, meterFactory)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="sharedHandler"/> (not disposed with it) when given; see <see cref="AuthClientFactory"/>.</summary>
    internal AuthClient(AuthClientOptions options, HttpMessageHandler? sharedHandler, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        AuthClientOptionsValidator.ThrowIfInvalid(options);
        var settings = options.Clone();
        _timeProvider = settings.TimeProvider;
        _logger = loggerFactory?.CreateLogger(AuthClientLog.Category) ?? NullLogger.Instance;
        var baseUrl = WithTrailingSlash(settings.BaseUrl);
        _session = new TokenSession(
            settings.TokenStore ?? new InMemoryAuthTokenStore(),
            settings.TimeProvider,
            settings.RefreshBeforeExpiry,
            RefreshTokensAsync,
            AuthClientInstruments.Create(meterFactory),
            _logger);
        var protectedPaths = new HashSet<string>(StringComparer.Ordinal)
        {
            new Uri(baseUrl, AuthRoutes.CurrentUser).AbsolutePath,
            new Uri(baseUrl, AuthRoutes.ChangePassword).AbsolutePath,
        };
        var http = HttpOptions(settings, baseUrl, new SessionAuthentication(_session, protectedPaths));
        _http = sharedHandler is null
            ? new ConduitClient(http, loggerFactory, meterFactory)
            : new ConduitClient(new HttpClient(sharedHandler, disposeHandler: false), http, loggerFactory, meterFactory, disposeHttpClient: true);
    }

    /// <summary>
    /// The HTTP client options of a client of <paramref name="settings"/>: timeouts, retries, TLS, then the caller's
    /// <see cref="AuthClientOptions.ConfigureHttp"/>. <see cref="AuthClientFactory"/> builds its shared handler from them too.
    /// </summary>
    internal static ConduitClientOptions HttpOptions(AuthClientOptions settings, Uri baseUrl, AuthenticationProvider authentication)
    {
        var http = new ConduitClientOptions
        {
            Name = "auth-service",
            BaseAddress = baseUrl,
            Authentication = authentication,
            AttemptTimeout = settings.Timeout,
            TotalTimeout = settings.Timeout * (settings.MaxRetries + 1) + TimeSpan.FromMinutes(1),
            VerifyTls = settings.VerifySsl,
            TimeProvider = settings.TimeProvider,
        };
        http.Retry.MaxRetries = settings.MaxRetries;
        http.Retry.RetryableStatusCodes = new HashSet<int>(AuthClientDefaults.RetryableStatusCodes);

        // The service's only 429 throttles logins of one account or address; it must not pause the whole client.
        http.ServerRateLimit.PauseOnServerSignal = false;
        settings.ConfigureHttp?.Invoke(http);

        // The session provider and the protected routes depend on these two: a customisation cannot replace them.
        http.BaseAddress = baseUrl;
        http.Authentication = authentication;
        return http;
    }

    /// <summary>Releases the connection pool.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool.</summary>
    /// <returns>A completed task: nothing is flushed asynchronously.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the connection pool and the session's lock.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _http?.Dispose();
            _session?.Dispose();
        }
    }

    private async ValueTask<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            var response = async
                ? await _http.SendAsync(request, typeInfo, cancellationToken).ConfigureAwait(false)
                : _http.Send(request, typeInfo, cancellationToken);
            return response.Value ?? throw new AuthException(
                $"{request.Method} {request.Path} answered with an empty JSON body.", request.Method.Method, null, response.RawResponse);
        }
        catch (ApiException ex) when (ex is not AuthException)
        {
            throw AuthExceptionFactory.From(ex, _http.Redactor);
        }
    }

    private async ValueTask SendAsync(ApiRequest request, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            _ = async
                ? await _http.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : _http.Send(request, cancellationToken);
        }
        catch (ApiException ex) when (ex is not AuthException)
        {
            throw AuthExceptionFactory.From(ex, _http.Redactor);
        }
    }

    /// <summary>Sends a request that returns a new session, and keeps the session.</summary>
    private async ValueTask<AuthResponse> StartSessionAsync(ApiRequest request, string reason, bool async, CancellationToken cancellationToken)
    {
        var issuedAt = _timeProvider.GetUtcNow();
        var response = await SendAsync(request, Json.AuthResponse, async, cancellationToken).ConfigureAwait(false);
        var tokens = ToTokens(response, issuedAt);
        await _session.SetAsync(tokens, async, cancellationToken).ConfigureAwait(false);
        AuthClientLog.SessionStarted(_logger, response.User.Id, reason, tokens.ExpiresAt);
        return response;
    }

    /// <summary>The <see cref="TokenRefresher"/>: one <c>POST auth/refresh</c>, never retried once it may have reached the server.</summary>
    private async ValueTask<AuthTokens> RefreshTokensAsync(string refreshToken, bool async, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post(AuthRoutes.Refresh).WithBody(JsonBody.From(new RefreshTokenBody(refreshToken), Json.RefreshTokenBody));
        var issuedAt = _timeProvider.GetUtcNow();
        var response = async
            ? await _http.SendAsync(request, Json.AuthResponse, cancellationToken).ConfigureAwait(false)
            : _http.Send(request, Json.AuthResponse, cancellationToken);
        return ToTokens(response.Value, issuedAt);
    }

    private static AuthTokens ToTokens(AuthResponse response, DateTimeOffset issuedAt) =>
        new(response.AccessToken, response.RefreshToken, string.IsNullOrEmpty(response.TokenType) ? "Bearer" : response.TokenType,
            issuedAt + TimeSpan.FromSeconds(response.ExpiresIn));

    internal static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
