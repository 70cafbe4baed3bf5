using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Conduit.Http.Authentication;

/// <summary>
/// OAuth2 client credentials: fetches a token from the token endpoint, caches it, refreshes it
/// <see cref="OAuth2ClientCredentialsOptions.RefreshBeforeExpiry"/> before it expires, and after a 401 refreshes once
/// and lets the request be replayed. However many calls wait, exactly one token request is in flight.
/// </summary>
public sealed class OAuth2ClientCredentialsAuthentication : AuthenticationProvider, IDisposable
{
    private readonly OAuth2ClientCredentialsOptions _options;
    private readonly HttpClient _tokenClient;
    private readonly bool _ownsTokenClient;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile OAuth2Token? _token;
    private int _tokenRequests;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The grant settings; copied and validated.</param>
    /// <param name="tokenClient">The client for token requests; a private one is created (and disposed) when null.</param>
    /// <param name="timeProvider">The clock for expiry; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public OAuth2ClientCredentialsAuthentication(OAuth2ClientCredentialsOptions options, HttpClient? tokenClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = new OAuth2ClientCredentialsOptions
        {
            TokenEndpoint = options.TokenEndpoint,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            Scopes = [.. options.Scopes],
            RefreshBeforeExpiry = options.RefreshBeforeExpiry,
            DefaultLifetime = options.DefaultLifetime,
            UseBasicClientAuthentication = options.UseBasicClientAuthentication,
        };
        _ownsTokenClient = tokenClient is null;
        _tokenClient = tokenClient ?? new HttpClient();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many token requests this provider has sent.</summary>
    public int TokenRequestCount => Volatile.Read(ref _tokenRequests);

    /// <summary>The cached token, if any (it may be expired).</summary>
    public OAuth2Token? CurrentToken => _token;

    /// <inheritdoc />
    public override IEnumerable<string> Secrets => _token is { } token ? [_options.ClientSecret, token.AccessToken] : [_options.ClientSecret];

    /// <summary>Returns a valid token, fetching one if the cached token is missing or about to expire.</summary>
    public ValueTask<OAuth2Token> GetTokenAsync(CancellationToken cancellationToken = default) =>
        GetTokenCoreAsync(staleToken: null, async: true, cancellationToken);

    /// <summary>Synchronous form of <see cref="GetTokenAsync"/>.</summary>
    public OAuth2Token GetToken(CancellationToken cancellationToken = default) =>
        GetTokenCoreAsync(staleToken: null, async: false, cancellationToken).EnsureCompleted();

    /// <inheritdoc />
    protected override async ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        var token = await GetTokenCoreAsync(staleToken: null, async, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
    }

    /// <inheritdoc />
    protected override async ValueTask<bool> RefreshCoreAsync(HttpRequestMessage failedRequest, bool async, CancellationToken cancellationToken)
    {
        var used = failedRequest.Headers.Authorization?.Parameter;
        var token = await GetTokenCoreAsync(staleToken: used, async, cancellationToken).ConfigureAwait(false);
        failedRequest.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return true;
    }

    private bool IsUsable(OAuth2Token? token, string? staleToken) =>
        token is not null && token.AccessToken != staleToken &&
        token.ExpiresAt - _options.RefreshBeforeExpiry > _timeProvider.GetUtcNow();

    private async ValueTask<OAuth2Token> GetTokenCoreAsync(string? staleToken, bool async, CancellationToken cancellationToken)
    {
        var token = _token;
        if (IsUsable(token, staleToken))
        {
            return token!;
        }

        if (async)
        {
            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _refreshLock.Wait(cancellationToken);
        }

        try
        {
            // Another caller may have refreshed while this one waited: use its token.
            token = _token;
            if (IsUsable(token, staleToken))
            {
                return token!;
            }

            token = await RequestTokenAsync(async, cancellationToken).ConfigureAwait(false);
            _token = token;
            return token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async ValueTask<OAuth2Token> RequestTokenAsync(bool async, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _tokenRequests);
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (_options.Scopes.Count > 0)
        {
            fields.Add(new("scope", string.Join(' ', _options.Scopes)));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint);
        if (_options.UseBasicClientAuthentication)
        {
            var credential = Uri.EscapeDataString(_options.ClientId) + ":" + Uri.EscapeDataString(_options.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)));
        }
        else
        {
            fields.Add(new("client_id", _options.ClientId));
            fields.Add(new("client_secret", _options.ClientSecret));
        }

        request.Content = new FormUrlEncodedContent(fields);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var now = _timeProvider.GetUtcNow();
        using var response = async
            ? await _tokenClient.SendAsync(request, cancellationToken).ConfigureAwait(false)
            : _tokenClient.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = async
            ? await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)
            : ReadAll(response.Content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var failed = new ApiResponse(response.StatusCode, body, response.Headers, response.Content.Headers, "POST", _options.TokenEndpoint);
            throw ApiException.FromResponse(failed, _options.TokenEndpoint);
        }

        return ParseToken(body, now);
    }

    private OAuth2Token ParseToken(byte[] body, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accessToken = root.TryGetProperty("access_token", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null;
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new ApiException("The OAuth2 token response has no access_token.", "POST", _options.TokenEndpoint, null);
            }

            var tokenType = root.TryGetProperty("token_type", out var tt) && tt.ValueKind == JsonValueKind.String ? tt.GetString()! : "Bearer";
            if (tokenType.Equals("bearer", StringComparison.OrdinalIgnoreCase))
            {
                tokenType = "Bearer";
            }

            var lifetime = root.TryGetProperty("expires_in", out var ei) && ei.TryGetDouble(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : _options.DefaultLifetime;
            return new OAuth2Token(accessToken, tokenType, now + lifetime);
        }
        catch (JsonException ex)
        {
            throw new ApiException("The OAuth2 token response is not valid JSON.", "POST", _options.TokenEndpoint, null, ex);
        }
    }

    private static byte[] ReadAll(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = content.ReadAsStream(cancellationToken);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _refreshLock.Dispose();
        if (_ownsTokenClient)
        {
            _tokenClient.Dispose();
        }
    }
}
