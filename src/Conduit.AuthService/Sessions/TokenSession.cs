using Conduit.AuthService.Telemetry;
using Conduit.Http;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthService.Sessions;

/// <summary>
/// The session of one <see cref="AuthClient"/>: the current tokens, loaded lazily from the store and written back on
/// every change, and the refresh logic. Every change happens under one gate, so however many calls find the access
/// token stale at once, exactly one refresh request is in flight and the others use its result.
/// </summary>
internal sealed class TokenSession(
    IAuthTokenStore store,
    TimeProvider timeProvider,
    TimeSpan refreshBeforeExpiry,
    TokenRefresher refresher,
    AuthClientInstruments instruments,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AuthTokens? _tokens;
    private volatile bool _loaded;

    /// <summary>The current tokens, loading them from the store on first use.</summary>
    public async ValueTask<AuthTokens?> GetTokensAsync(bool async, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return _tokens;
        }

        await EnterAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(async, cancellationToken).ConfigureAwait(false);
            return _tokens;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces the session (or ends it with <see langword="null"/>) in memory and in the store.</summary>
    public async ValueTask SetAsync(AuthTokens? tokens, bool async, CancellationToken cancellationToken)
    {
        await EnterAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveAsync(tokens, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Returns an access token that is not about to expire and is not <paramref name="staleAccessToken"/> (the one a
    /// request was refused with), refreshing the session when needed; <see langword="null"/> when there is no session.
    /// </summary>
    /// <exception cref="ApiException">The refresh failed; on 401/403 the session has also been ended.</exception>
    public async ValueTask<AuthTokens?> GetFreshTokensAsync(string? staleAccessToken, bool async, CancellationToken cancellationToken)
    {
        var tokens = _loaded ? _tokens : await GetTokensAsync(async, cancellationToken).ConfigureAwait(false);
        if (tokens is null || IsFresh(tokens, staleAccessToken))
        {
            return tokens;
        }

        await EnterAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited: use its tokens.
            tokens = _tokens;
            if (tokens is null || IsFresh(tokens, staleAccessToken))
            {
                return tokens;
            }

            return await RefreshLockedAsync(tokens, staleAccessToken, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<AuthTokens?> RefreshLockedAsync(AuthTokens tokens, string? staleAccessToken, bool async, CancellationToken cancellationToken)
    {
        var reason = staleAccessToken is null ? "about to expire" : "refused by the server";
        AuthTokens refreshed;
        try
        {
            refreshed = await refresher(tokens.RefreshToken, async, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.StatusCode is 401 or 403)
        {
            instruments.TokenRefreshes.Add(1, new KeyValuePair<string, object?>(AuthClientTelemetry.OutcomeTag, "failure"));
            AuthClientLog.SessionEnded(logger, ex.StatusCode.Value);
            await SaveAsync(null, async, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (ApiException ex) when (staleAccessToken is null && tokens.ExpiresAt > timeProvider.GetUtcNow())
        {
            // A transient failure of an early refresh: the current token still works, so use it and try again next call.
            instruments.TokenRefreshes.Add(1, new KeyValuePair<string, object?>(AuthClientTelemetry.OutcomeTag, "failure"));
            AuthClientLog.RefreshFailedTokenStillValid(logger, ex.GetType().Name);
            return tokens;
        }
        catch (ApiException)
        {
            instruments.TokenRefreshes.Add(1, new KeyValuePair<string, object?>(AuthClientTelemetry.OutcomeTag, "failure"));
            throw;
        }

        instruments.TokenRefreshes.Add(1, new KeyValuePair<string, object?>(AuthClientTelemetry.OutcomeTag, "success"));
        await SaveAsync(refreshed, async, cancellationToken).ConfigureAwait(false);
        AuthClientLog.TokensRefreshed(logger, reason, refreshed.ExpiresAt);
        return refreshed;
    }

    private bool IsFresh(AuthTokens tokens, string? staleAccessToken) =>
        !string.Equals(tokens.AccessToken, staleAccessToken, StringComparison.Ordinal) &&
        tokens.ExpiresAt - refreshBeforeExpiry > timeProvider.GetUtcNow();

    private async ValueTask EnsureLoadedAsync(bool async, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        _tokens = async ? await store.LoadAsync(cancellationToken).ConfigureAwait(false) : store.Load();
        _loaded = true;
    }

    private async ValueTask SaveAsync(AuthTokens? tokens, bool async, CancellationToken cancellationToken)
    {
        _tokens = tokens;
        _loaded = true;
        if (async)
        {
            await store.SaveAsync(tokens, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            store.Save(tokens);
        }
    }

    private ValueTask EnterAsync(bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            return new ValueTask(_gate.WaitAsync(cancellationToken));
        }

        _gate.Wait(cancellationToken);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();
}
