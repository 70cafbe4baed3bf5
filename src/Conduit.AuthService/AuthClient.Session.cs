using Conduit.AuthService.Sessions;
using Conduit.AuthService.Telemetry;
using Conduit.AuthService.Wire;
using Conduit.Http;

namespace Conduit.AuthService;

public partial class AuthClient
{
    /// <summary>Registers a new account and starts its session.</summary>
    /// <param name="request">The new account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session and user.</returns>
    /// <exception cref="AuthException">400 with per-field <see cref="AuthException.Details"/> for invalid fields or a weak password; 409 when the email is taken.</exception>
    public virtual Task<AuthResponse> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        RegisterCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="RegisterAsync(RegisterRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The new account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session and user.</returns>
    /// <exception cref="AuthException">The server refused the account, or the call failed.</exception>
    public virtual AuthResponse Register(RegisterRequest request, CancellationToken cancellationToken = default) =>
        RegisterCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Registers a new account and starts its session.</summary>
    /// <param name="email">The email address to log in with.</param>
    /// <param name="password">The password; it must satisfy the server's password policy.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session and user.</returns>
    /// <exception cref="AuthException">The server refused the account (400, 409), or the call failed.</exception>
    public virtual Task<AuthResponse> RegisterAsync(string email, string password, string firstName, string lastName, CancellationToken cancellationToken = default) =>
        RegisterCoreAsync(new RegisterRequest(email, password, firstName, lastName), async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="RegisterAsync(string, string, string, string, CancellationToken)"/>.</summary>
    /// <param name="email">The email address to log in with.</param>
    /// <param name="password">The password.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session and user.</returns>
    /// <exception cref="AuthException">The server refused the account, or the call failed.</exception>
    public virtual AuthResponse Register(string email, string password, string firstName, string lastName, CancellationToken cancellationToken = default) =>
        RegisterCoreAsync(new RegisterRequest(email, password, firstName, lastName), async: false, cancellationToken).EnsureCompleted();

    /// <summary>Logs in with email and password and keeps the new session (replacing any previous one).</summary>
    /// <param name="email">The account's email address.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session and user.</returns>
    /// <exception cref="AuthException">401 for wrong credentials, 403 for an inactive or unverified account, 429 (with <see cref="AuthException.RetryAfter"/>) when throttled.</exception>
    public virtual Task<AuthResponse> LoginAsync(string email, string password, CancellationToken cancellationToken = default) =>
        LoginCoreAsync(email, password, async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="LoginAsync"/>.</summary>
    /// <param name="email">The account's email address.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session and user.</returns>
    /// <exception cref="AuthException">The login was refused, or the call failed.</exception>
    public virtual AuthResponse Login(string email, string password, CancellationToken cancellationToken = default) =>
        LoginCoreAsync(email, password, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Logs out: revokes the session's refresh token on the server and clears the stored tokens. The tokens are cleared
    /// even when the call fails; a session the server already ended counts as logged out. Does nothing without a session.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the session is over.</returns>
    /// <exception cref="AuthException">The server could not be told (the local tokens are cleared anyway).</exception>
    public virtual Task LogoutAsync(CancellationToken cancellationToken = default) =>
        LogoutCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="LogoutAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AuthException">The server could not be told (the local tokens are cleared anyway).</exception>
    public virtual void Logout(CancellationToken cancellationToken = default) =>
        LogoutCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>Whether the client holds a session (tokens from a login, registration or the token store). Sends nothing.</summary>
    /// <param name="cancellationToken">Cancels loading the token store.</param>
    /// <returns><see langword="true"/> when there is a session; the server may still refuse it if it was revoked elsewhere.</returns>
    public virtual async Task<bool> IsAuthenticatedAsync(CancellationToken cancellationToken = default) =>
        await _session.GetTokensAsync(async: true, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Synchronous form of <see cref="IsAuthenticatedAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels loading the token store.</param>
    /// <returns><see langword="true"/> when there is a session.</returns>
    public virtual bool IsAuthenticated(CancellationToken cancellationToken = default) =>
        _session.GetTokensAsync(async: false, cancellationToken).EnsureCompleted() is not null;

    /// <summary>
    /// Returns an access token valid for at least <see cref="AuthClientOptions.RefreshBeforeExpiry"/>, refreshing the
    /// session first when needed, for calling other services with <c>Authorization: Bearer</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/> when there is no session (or the server has ended it).</returns>
    /// <exception cref="AuthException">A needed refresh failed for another reason (timeout, connection failure, server error).</exception>
    public virtual Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        GetAccessTokenCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="GetAccessTokenAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/> when there is no session.</returns>
    /// <exception cref="AuthException">A needed refresh failed for another reason.</exception>
    public virtual string? GetAccessToken(CancellationToken cancellationToken = default) =>
        GetAccessTokenCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>Forgets the session locally (memory and token store) without telling the server; see <see cref="LogoutAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels writing the token store.</param>
    /// <returns>A task that completes when the tokens are cleared.</returns>
    public virtual Task ClearTokensAsync(CancellationToken cancellationToken = default) =>
        ClearTokensCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>Synchronous form of <see cref="ClearTokensAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels writing the token store.</param>
    public virtual void ClearTokens(CancellationToken cancellationToken = default) =>
        ClearTokensCoreAsync(async: false, cancellationToken).EnsureCompleted();

    private ValueTask<AuthResponse> RegisterCoreAsync(RegisterRequest request, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = ApiRequest.Post(AuthRoutes.Register).WithBody(JsonBody.From(request, Json.RegisterRequest));
        return StartSessionAsync(call, "registered", async, cancellationToken);
    }

    private ValueTask<AuthResponse> LoginCoreAsync(string email, string password, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var call = ApiRequest.Post(AuthRoutes.Login).WithBody(JsonBody.From(new LoginBody(email, password), Json.LoginBody));
        return StartSessionAsync(call, "logged in", async, cancellationToken);
    }

    private async ValueTask LogoutCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var tokens = await _session.GetTokensAsync(async, cancellationToken).ConfigureAwait(false);
        if (tokens is null)
        {
            return;
        }

        try
        {
            var call = ApiRequest.Post(AuthRoutes.Logout).WithBody(JsonBody.From(new RefreshTokenBody(tokens.RefreshToken), Json.RefreshTokenBody));
            await SendAsync(call, async, cancellationToken).ConfigureAwait(false);
            AuthClientLog.LoggedOut(_logger);
        }
        catch (AuthException ex) when (ex.StatusCode == 401)
        {
            // The server had already ended this session (revoked, expired or rotated elsewhere): the user is logged out.
            AuthClientLog.LoggedOut(_logger);
        }
        finally
        {
            await _session.SetAsync(null, async, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask<string?> GetAccessTokenCoreAsync(bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            var tokens = await _session.GetFreshTokensAsync(staleAccessToken: null, async, cancellationToken).ConfigureAwait(false);
            return tokens?.AccessToken;
        }
        catch (ApiException ex) when (ex.StatusCode is 401 or 403)
        {
            return null;
        }
        catch (ApiException ex)
        {
            throw AuthExceptionFactory.From(ex, _http.Redactor);
        }
    }

    private async ValueTask ClearTokensCoreAsync(bool async, CancellationToken cancellationToken)
    {
        await _session.SetAsync(null, async, cancellationToken).ConfigureAwait(false);
        AuthClientLog.TokensCleared(_logger);
    }
}
