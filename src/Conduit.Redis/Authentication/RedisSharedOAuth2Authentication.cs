using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Conduit.Http.Authentication;
using StackExchange.Redis;

namespace Conduit.Redis.Authentication;

/// <summary>
/// OAuth2 client credentials whose token is shared by every process through Redis, so N processes fetch one token, not
/// N. A process first uses its in-memory copy, then the token in Redis; when neither is usable it takes a Redis lock
/// (<c>SET NX PX</c>): the holder fetches the token (through an inner <see cref="OAuth2ClientCredentialsAuthentication"/>)
/// and stores it with a time-to-live ending at its expiry; the others poll Redis until it appears. After a 401 the
/// rejected token is treated as stale everywhere and one process fetches a new one. Within a process one caller at a
/// time goes to Redis. If Redis is unreachable the provider fetches tokens itself, as a plain OAuth2 provider would.
/// </summary>
/// <remarks>The token is stored in Redis in clear text: use a Redis that only trusted processes can read (ACLs, TLS).</remarks>
public sealed class RedisSharedOAuth2Authentication : AuthenticationProvider, IDisposable
{
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    private readonly OAuth2ClientCredentialsAuthentication _inner;
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisTokenCacheOptions _options;
    private readonly RedisKey _key;
    private readonly RedisKey _lockKey;
    private readonly TimeSpan _refreshBeforeExpiry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private volatile OAuth2Token? _token;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The grant; copied and validated.</param>
    /// <param name="redis">The connection (not owned).</param>
    /// <param name="cacheOptions">How the token is shared; defaults when null.</param>
    /// <param name="tokenClient">The client for token requests; a private one when null.</param>
    public RedisSharedOAuth2Authentication(OAuth2ClientCredentialsOptions options, IConnectionMultiplexer redis, RedisTokenCacheOptions? cacheOptions = null, HttpClient? tokenClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redis);
        _options = cacheOptions ?? new RedisTokenCacheOptions();
        _inner = new OAuth2ClientCredentialsAuthentication(options, tokenClient, _options.TimeProvider);
        _redis = redis;
        _refreshBeforeExpiry = options.RefreshBeforeExpiry;
        _key = _options.Key ?? DefaultKey(options);
        _lockKey = _key.Append(":lock");
    }

    /// <summary>How many token requests this process has sent.</summary>
    public int TokenRequestCount => _inner.TokenRequestCount;

    /// <summary>The Redis key of the shared token.</summary>
    public string Key => _key.ToString();

    /// <inheritdoc />
    public override IEnumerable<string> Secrets => _token is { } token ? [.. _inner.Secrets, token.AccessToken] : _inner.Secrets;

    /// <summary>Returns a usable token: from memory, from Redis, or fetched once for every process.</summary>
    public ValueTask<OAuth2Token> GetTokenAsync(CancellationToken cancellationToken = default) => GetTokenCoreAsync(null, async: true, cancellationToken);

    /// <summary>Synchronous form of <see cref="GetTokenAsync"/>.</summary>
    public OAuth2Token GetToken(CancellationToken cancellationToken = default)
    {
        var task = GetTokenCoreAsync(null, async: false, cancellationToken);
        return task.IsCompleted ? task.Result : throw new InvalidOperationException("The synchronous path did not complete synchronously.");
    }

    /// <inheritdoc />
    protected override async ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        var token = await GetTokenCoreAsync(null, async, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
    }

    /// <inheritdoc />
    protected override async ValueTask<bool> RefreshCoreAsync(HttpRequestMessage failedRequest, bool async, CancellationToken cancellationToken)
    {
        var token = await GetTokenCoreAsync(failedRequest.Headers.Authorization?.Parameter, async, cancellationToken).ConfigureAwait(false);
        failedRequest.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inner.Dispose();
        _gate.Dispose();
    }

    private bool IsUsable(OAuth2Token? token, string? stale) =>
        token is not null && token.AccessToken != stale && token.ExpiresAt - _refreshBeforeExpiry > _options.TimeProvider.GetUtcNow();

    private async ValueTask<OAuth2Token> GetTokenCoreAsync(string? stale, bool async, CancellationToken cancellationToken)
    {
        if (_token is { } cached && IsUsable(cached, stale))
        {
            return cached;
        }

        if (async)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _gate.Wait(cancellationToken);
        }

        try
        {
            if (_token is { } again && IsUsable(again, stale))
            {
                return again;
            }

            var token = await GetSharedTokenAsync(stale, async, cancellationToken).ConfigureAwait(false);
            _token = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<OAuth2Token> GetSharedTokenAsync(string? stale, bool async, CancellationToken cancellationToken)
    {
        var deadline = _options.TimeProvider.GetUtcNow() + _options.LockTimeout + _options.LockTimeout;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var db = _redis.GetDatabase();
                var shared = Parse(async ? await db.StringGetAsync(_key).ConfigureAwait(false) : db.StringGet(_key));
                if (IsUsable(shared, stale))
                {
                    return shared!;
                }

                var locked = async
                    ? await db.StringSetAsync(_lockKey, _owner, _options.LockTimeout, When.NotExists).ConfigureAwait(false)
                    : db.StringSet(_lockKey, _owner, _options.LockTimeout, When.NotExists);
                if (locked)
                {
                    try
                    {
                        // Another process may have stored a token between the read and the lock.
                        shared = Parse(async ? await db.StringGetAsync(_key).ConfigureAwait(false) : db.StringGet(_key));
                        if (IsUsable(shared, stale))
                        {
                            return shared!;
                        }

                        var token = await FetchAsync(stale, async, cancellationToken).ConfigureAwait(false);
                        var ttl = token.ExpiresAt - _options.TimeProvider.GetUtcNow();
                        if (ttl > TimeSpan.Zero)
                        {
                            var value = Format(token);
                            _ = async ? await db.StringSetAsync(_key, value, ttl).ConfigureAwait(false) : db.StringSet(_key, value, ttl);
                        }

                        return token;
                    }
                    finally
                    {
                        _ = async
                            ? await db.ScriptEvaluateAsync(ReleaseScript, [_lockKey], [_owner]).ConfigureAwait(false)
                            : db.ScriptEvaluate(ReleaseScript, [_lockKey], [_owner]);
                    }
                }

                if (_options.TimeProvider.GetUtcNow() > deadline)
                {
                    return await FetchAsync(stale, async, cancellationToken).ConfigureAwait(false);
                }

                if (async)
                {
                    await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    cancellationToken.WaitHandle.WaitOne(_options.PollInterval);
                }
            }
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // Redis is down: behave like a plain OAuth2 provider until it returns.
            return await FetchAsync(stale, async, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<OAuth2Token> FetchAsync(string? stale, bool async, CancellationToken cancellationToken)
    {
        if (_inner.CurrentToken is { } current && (current.AccessToken == stale || !IsUsable(current, null)))
        {
            using var rejected = new HttpRequestMessage();
            rejected.Headers.Authorization = new AuthenticationHeaderValue(current.TokenType, current.AccessToken);
            _ = async ? await _inner.RefreshAsync(rejected, cancellationToken).ConfigureAwait(false) : _inner.Refresh(rejected, cancellationToken);
            return _inner.CurrentToken!;
        }

        return async ? await _inner.GetTokenAsync(cancellationToken).ConfigureAwait(false) : _inner.GetToken(cancellationToken);
    }

    private static string DefaultKey(OAuth2ClientCredentialsOptions options)
    {
        var identity = $"{options.TokenEndpoint}\n{options.ClientId}\n{string.Join(' ', options.Scopes)}";
        return "conduit:oauth2:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    private static string Format(OAuth2Token token) =>
        string.Create(CultureInfo.InvariantCulture, $"{token.ExpiresAt.ToUnixTimeMilliseconds()} {token.TokenType} {token.AccessToken}");

    private static OAuth2Token? Parse(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var parts = value.ToString().Split(' ', 3);
        return parts.Length == 3 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            ? new OAuth2Token(parts[2], parts[1], DateTimeOffset.FromUnixTimeMilliseconds(expires))
            : null;
    }
}
