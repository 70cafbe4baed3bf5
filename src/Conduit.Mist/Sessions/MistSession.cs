using System.Diagnostics.Metrics;
using System.Net;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.Transport;
using Conduit.Mist.Clouds;
using Conduit.Mist.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conduit.Mist.Sessions;

/// <summary>
/// An authenticated connection to one Mist cloud: API tokens (validated, budgeted and rotated), a login with
/// email, password and two-factor code (session and CSRF cookies), or HTTP basic. <see cref="Client"/> is the
/// configured <see cref="ConduitClient"/> every call goes through — give it to the generated API with
/// <c>new MistApiClient(session.Client)</c>. Thread-safe; dispose it to log out.
/// </summary>
/// <example>
/// <code>
/// await using var session = await MistSession.StartAsync(new MistSessionOptions
/// {
///     Host = "api.eu.mist.com",
///     Email = "me@example.com",
///     Password = password,
///     Prompt = new MistDelegatePrompt((label, ct) => ValueTask.FromResult(Console.ReadLine()!)),
/// });
/// Console.WriteLine($"Welcome {session.Self?.FullName}!");
/// </code>
/// </example>
public sealed class MistSession : IAsyncDisposable, IDisposable
{
    private readonly MistSessionOptions options;
    private readonly MistSessionState state;
    private readonly MistSessionClient client;
    private readonly ConduitClient startClient;
    private readonly MistSessionHandler handler;
    private readonly ILoggerFactory? loggerFactory;
    private readonly IMeterFactory? meterFactory;
    private readonly List<ConduitClient> extraClients = [];
    private readonly Lock gate = new();
    private MistSelf? self;
    private int disposed;

    private MistSession(MistSessionOptions options, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        MistSessionOptionsValidation.ThrowIfInvalid(options);
        this.options = options;
        this.loggerFactory = loggerFactory;
        this.meterFactory = meterFactory;
        var mode = options.ResolveMode();
        var tokens = options.AllApiTokens();
        var pool = mode == MistAuthenticationMode.ApiToken
            ? new MistTokenPool(tokens, options.CallsPerTokenPerWindow, options.BudgetWindow, options.TimeProvider)
            : null;
        state = new MistSessionState(
            options.ResolveCloud(),
            mode,
            pool,
            mode == MistAuthenticationMode.Login ? new CookieContainer() : null,
            options.WhenTokensExhausted,
            options.RateLimitedTokenCooldown,
            options.PageConcurrency,
            options.TimeProvider,
            (ILogger?)loggerFactory?.CreateLogger(MistSessionLog.Category) ?? NullLogger.Instance);
        Budget = pool is null ? null : new MistTokenBudgetLimiter(pool, options.TimeProvider);
        var clientOptions = BuildClientOptions(null);
        handler = new MistSessionHandler(state) { InnerHandler = CreateSocketHandler(clientOptions) };
        client = new MistSessionClient(new HttpClient(handler, disposeHandler: true), clientOptions, state, loggerFactory, meterFactory);

        // Start-up calls (token checks, login) are never retried and never wait for the budget.
        var startOptions = BuildClientOptions(null);
        startOptions.Name = clientOptions.Name + "-start";
        startOptions.Retry.MaxRetries = 0;
        startOptions.RateLimiter = null;
        startClient = new ConduitClient(new HttpClient(handler, disposeHandler: false), startOptions, loggerFactory, meterFactory);
        foreach (var secret in Secrets())
        {
            client.Redactor.AddSecret(secret);
            startClient.Redactor.AddSecret(secret);
        }
    }

    /// <summary>The cloud the session talks to.</summary>
    public MistCloud Cloud => state.Cloud;

    /// <summary>How the session authenticated.</summary>
    public MistAuthenticationMode Mode => state.Mode;

    /// <summary>The configured client: base URL, authentication, token rotation, budget, CSRF, retries and logging.</summary>
    public ConduitClient Client => client;

    /// <summary>The user and privileges from the last <c>GET /api/v1/self</c> (null when tokens were not validated).</summary>
    public MistSelf? Self => Volatile.Read(ref self);

    /// <summary>The privileges of <see cref="Self"/>; empty when unknown.</summary>
    public IReadOnlyList<MistPrivilege> Privileges => Self?.Privileges ?? [];

    /// <summary>Whether a login session is active (false for token and basic sessions).</summary>
    public bool IsLoggedIn => state.LoggedIn && !state.Expired;

    /// <summary>Whether the login session was found expired (a call was answered 401).</summary>
    public bool IsExpired => state.Expired;

    /// <summary>The state of each API token (empty unless the session uses tokens); the tokens themselves are never exposed.</summary>
    public IReadOnlyList<MistTokenStatus> Tokens => state.Pool?.Snapshot() ?? [];

    /// <summary>How many pages the session's pageables fetch at once when the total is known.</summary>
    public int PageConcurrency => state.PageConcurrency;

    /// <summary>
    /// The per-token budget as a rate limiter (null unless the session uses tokens): every client of the session waits
    /// on it, so together they stay within <see cref="MistSessionOptions.CallsPerTokenPerWindow"/> per token.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? Budget { get; }

    /// <summary>Starts a session: validates the tokens, or logs in (asking for a two-factor code if needed), or checks basic credentials.</summary>
    /// <param name="options">The options; validated, every problem in one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="meterFactory">Where metrics go.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="MistAuthenticationException">The credentials were refused (every token invalid, a wrong password or two-factor code).</exception>
    public static async Task<MistSession> StartAsync(MistSessionOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = new MistSession(options, loggerFactory, meterFactory);
        try
        {
            await session.AuthenticateAsync(async: true, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The synchronous form of <see cref="StartAsync"/>.</summary>
    /// <exception cref="MistAuthenticationException">The credentials were refused.</exception>
    public static MistSession Start(MistSessionOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = new MistSession(options, loggerFactory, meterFactory);
        try
        {
            Complete(session.AuthenticateAsync(async: false, cancellationToken));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Reads <c>GET /api/v1/self</c> again (privileges may have changed) and updates <see cref="Self"/>.</summary>
    public async Task<MistSelf> GetSelfAsync(CancellationToken cancellationToken = default) =>
        await ReadSelfAsync(async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>The synchronous form of <see cref="GetSelfAsync"/>.</summary>
    public MistSelf GetSelf(CancellationToken cancellationToken = default) => Complete(ReadSelfAsync(async: false, cancellationToken));

    /// <summary>
    /// Another client on the same session — same tokens, budget, rotation and cookies — with its own options
    /// (for example another timeout). The session disposes it.
    /// </summary>
    /// <param name="configure">Adjusts the new client's options.</param>
    public ConduitClient CreateClient(Action<ConduitClientOptions>? configure = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var clientOptions = BuildClientOptions(configure);
        var extraHandler = new MistSessionHandler(state) { InnerHandler = CreateSocketHandler(clientOptions) };
        var extra = new MistSessionClient(new HttpClient(extraHandler, disposeHandler: true), clientOptions, state, loggerFactory, meterFactory);
        foreach (var secret in Secrets())
        {
            extra.Redactor.AddSecret(secret);
        }

        lock (gate)
        {
            extraClients.Add(extra);
        }

        return extra;
    }

    /// <summary>
    /// Options for a <see cref="Streaming.MistStream"/> on this session's cloud with this session's credentials: the
    /// login cookies after an email/password login, else the API token with the most budget left (the handshake counts
    /// as one call of its budget).
    /// </summary>
    /// <returns>Options the caller may adjust (channels per connection, buffer, reconnect) before creating the stream.</returns>
    /// <exception cref="NotSupportedException">The session uses HTTP basic authentication, which the stream does not accept.</exception>
    /// <exception cref="RateLimitedException">Every token's budget is spent; <see cref="RateLimitedException.RetryAfter"/> says when one frees up.</exception>
    public Streaming.MistStreamOptions CreateStreamOptions()
    {
        Streaming.MistStreamCredentials credentials;
        if (state.Cookies is { } cookies)
        {
            credentials = Streaming.MistStreamCredentials.Cookies(cookies);
        }
        else if (state.Pool is { } pool)
        {
            var position = pool.TryTake(null, out var retryAfter)
                ?? throw new RateLimitedException("No API token of the session has budget left to open a stream.", "GET", Cloud.WebSocketUri, response: null, retryAfter);
            credentials = Streaming.MistStreamCredentials.Token(pool.TokenAt(position));
        }
        else
        {
            throw new NotSupportedException("The Mist stream accepts an API token or a login session, not HTTP basic authentication.");
        }

        return new Streaming.MistStreamOptions
        {
            Url = Cloud.WebSocketUri,
            Credentials = credentials,
            RemoteCertificateValidation = options.ServerCertificateValidation,
            TimeProvider = options.TimeProvider,
        };
    }

    /// <summary>Logs out of a login session (<c>POST /api/v1/logout</c>); nothing to do for tokens and basic.</summary>
    public Task LogoutAsync(CancellationToken cancellationToken = default) => LogoutCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous form of <see cref="LogoutAsync"/>.</summary>
    public void Logout(CancellationToken cancellationToken = default) => Complete(LogoutCoreAsync(async: false, cancellationToken));

    /// <summary>Logs out (best effort) and releases the clients.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await TryLogoutAsync(async: true).ConfigureAwait(false);
        Release();
    }

    /// <summary>Logs out (best effort, synchronously) and releases the clients.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        Complete(TryLogoutAsync(async: false));
        Release();
    }

    /// <summary>The cloud and mode; never a secret.</summary>
    public override string ToString() => $"Mist session on {Cloud} ({Mode})";

    internal MistSessionState State => state;

    private async ValueTask AuthenticateAsync(bool async, CancellationToken cancellationToken)
    {
        var authenticator = new MistSessionAuthenticator(startClient, state, options);
        Volatile.Write(ref self, await authenticator.AuthenticateAsync(async, cancellationToken).ConfigureAwait(false));
    }

    private async ValueTask<MistSelf> ReadSelfAsync(bool async, CancellationToken cancellationToken)
    {
        var response = await MistSessionAuthenticator.SendAsync(client, new ApiRequest(HttpMethod.Get, MistSessionAuthenticator.SelfPath), async, cancellationToken).ConfigureAwait(false);
        var read = MistSessionAuthenticator.ReadSelf(response);
        Volatile.Write(ref self, read);
        return read;
    }

    private async ValueTask LogoutCoreAsync(bool async, CancellationToken cancellationToken)
    {
        if (state.Mode != MistAuthenticationMode.Login || !state.LoggedIn)
        {
            return;
        }

        var request = new ApiRequest(HttpMethod.Post, "/api/v1/logout") { ThrowOnErrorStatus = false };
        var response = await MistSessionAuthenticator.SendAsync(startClient, request, async, cancellationToken).ConfigureAwait(false);
        state.MarkLoggedOut();
        if (!response.IsSuccess && response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw ApiException.FromResponse(response, response.RequestUri);
        }

        MistSessionLog.LoggedOut(state.Logger, state.Cloud.Host);
    }

    private async ValueTask TryLogoutAsync(bool async)
    {
        if (!state.LoggedIn || state.Expired)
        {
            return;
        }

        try
        {
            await LogoutCoreAsync(async, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            MistSessionLog.LogoutFailed(state.Logger, state.Cloud.Host, client.Redactor.RedactText(ex.Message));
        }
    }

    private void Release()
    {
        startClient.Dispose();
        client.Dispose();
        lock (gate)
        {
            foreach (var extra in extraClients)
            {
                extra.Dispose();
            }

            extraClients.Clear();
        }

        Budget?.Dispose();
    }

    private IEnumerable<string> Secrets()
    {
        foreach (var token in state.Pool?.Secrets ?? [])
        {
            yield return token;
        }

        if (state.Mode != MistAuthenticationMode.ApiToken && options.Password is { } password)
        {
            yield return password;
        }

        if (options.Proxy?.UserInfo is { Length: > 0 } userInfo && userInfo.Split(':', 2) is [_, var proxyPassword])
        {
            yield return Uri.UnescapeDataString(proxyPassword);
        }
    }

    private ConduitClientOptions BuildClientOptions(Action<ConduitClientOptions>? configure)
    {
        var clientOptions = new ConduitClientOptions
        {
            Name = "mist",
            BaseAddress = state.Cloud.BaseUri,
            AttemptTimeout = options.AttemptTimeout,
            TotalTimeout = options.TotalTimeout,
            VerifyTls = options.VerifyTls,
            ServerCertificateValidation = options.ServerCertificateValidation,
            TimeProvider = options.TimeProvider,
            UseCookies = state.Mode == MistAuthenticationMode.Login,
            RateLimiter = Budget,
            Authentication = state.Mode == MistAuthenticationMode.Basic
                ? HeaderAuthentication.Basic(options.Email!, options.Password!)
                : NoAuthentication.Instance,
        };
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        MistLogSanitizer.AddMistNames(clientOptions.Redaction);
        if (state.Mode == MistAuthenticationMode.ApiToken && options.WhenTokensExhausted == MistTokenExhaustion.Throw)
        {
            clientOptions.Retry.RetryableStatusCodes.Remove(429);
            clientOptions.ServerRateLimit.PauseOnServerSignal = false;
        }

        if (options.Proxy is { } proxy)
        {
            clientOptions.Proxy.Address = new Uri(proxy.GetLeftPart(UriPartial.Authority));
            if (proxy.UserInfo is { Length: > 0 } userInfo)
            {
                var parts = userInfo.Split(':', 2);
                clientOptions.Proxy.UserName = Uri.UnescapeDataString(parts[0]);
                clientOptions.Proxy.Password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            }
        }

        options.ConfigureClient?.Invoke(clientOptions);
        configure?.Invoke(clientOptions);
        return clientOptions;
    }

    private SocketsHttpHandler CreateSocketHandler(ConduitClientOptions clientOptions)
    {
        var socket = HttpHandlerFactory.Create(clientOptions);
        if (state.Cookies is { } cookies)
        {
            socket.UseCookies = true;
            socket.CookieContainer = cookies;
        }

        return socket;
    }

    private static void Complete(ValueTask pending)
    {
        if (!pending.IsCompleted)
        {
            throw new InvalidOperationException("A synchronous call did not complete synchronously.");
        }

        pending.GetAwaiter().GetResult();
    }

    private static T Complete<T>(ValueTask<T> pending) =>
        pending.IsCompleted ? pending.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous call did not complete synchronously.");
}
