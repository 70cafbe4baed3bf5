using Conduit.Mist.Credentials;
using System.Net.Security;
using Conduit.Http;
using Conduit.Mist.Clouds;

namespace Conduit.Mist.Sessions;

/// <summary>
/// Everything a <see cref="MistSession"/> needs: the cloud, the credentials (API tokens, or email and password with an
/// optional two-factor code), the per-token budget and the HTTP settings. <see cref="Validate"/> lists every problem
/// at once; the session copies the options when it starts.
/// </summary>
/// <example>
/// <code>
/// await using var session = await MistSession.StartAsync(new MistSessionOptions
/// {
///     Cloud = MistCloud.Emea01,
///     ApiToken = "token-1,token-2,token-3",
/// });
/// var mist = new MistApiClient(session.Client);
/// </code>
/// </example>
public sealed class MistSessionOptions
{
    /// <summary>The cloud. Default <see cref="MistCloud.Global01"/> unless <see cref="Host"/> is set.</summary>
    public MistCloud? Cloud { get; set; }

    /// <summary>The cloud as text (<c>MIST_HOST</c>): a host (<c>api.eu.mist.com</c>), a URL, or a name (<c>EMEA 01</c>); used when <see cref="Cloud"/> is null.</summary>
    public string? Host { get; set; }

    /// <summary>One API token, or several separated by commas (<c>MIST_APITOKEN</c>); merged with <see cref="ApiTokens"/>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>API tokens, each used in turn; merged with <see cref="ApiToken"/>, duplicates dropped.</summary>
    public IList<string> ApiTokens { get; } = [];

    /// <summary>The login email (<c>MIST_USER</c>), for <see cref="MistAuthenticationMode.Login"/> and <see cref="MistAuthenticationMode.Basic"/>.</summary>
    public string? Email { get; set; }

    /// <summary>The password (<c>MIST_PASSWORD</c>).</summary>
    public string? Password { get; set; }

    /// <summary>The two-factor code, when known up front; otherwise <see cref="Prompt"/> is asked when the account needs one.</summary>
    public string? TwoFactorCode { get; set; }

    /// <summary>Asks for a two-factor code when the login needs one and <see cref="TwoFactorCode"/> is not set.</summary>
    public IMistPrompt? Prompt { get; set; }

    /// <summary>How to authenticate. Default <see cref="MistAuthenticationMode.Auto"/>: tokens when set, else login.</summary>
    public MistAuthenticationMode Mode { get; set; } = MistAuthenticationMode.Auto;

    /// <summary>Whether each token is checked with <c>GET /api/v1/self</c> at start (invalid ones dropped with a warning). Default on.</summary>
    public bool ValidateTokens { get; set; } = true;

    /// <summary>The client-side budget per token per <see cref="BudgetWindow"/>. Default 5000.</summary>
    public int CallsPerTokenPerWindow { get; set; } = MistSessionDefaults.CallsPerTokenPerWindow;

    /// <summary>The budget's sliding window. Default one hour.</summary>
    public TimeSpan BudgetWindow { get; set; } = MistSessionDefaults.BudgetWindow;

    /// <summary>What happens when every token has been answered 429. Default <see cref="MistTokenExhaustion.Wait"/>.</summary>
    public MistTokenExhaustion WhenTokensExhausted { get; set; } = MistTokenExhaustion.Wait;

    /// <summary>How long a token answered 429 without <c>Retry-After</c> is set aside. Default one minute.</summary>
    public TimeSpan RateLimitedTokenCooldown { get; set; } = MistSessionDefaults.RateLimitedTokenCooldown;

    /// <summary>Pages fetched at once by the session's pageables when a list's total is known. Default 8; 1 fetches one by one.</summary>
    public int PageConcurrency { get; set; } = MistSessionDefaults.PageConcurrency;

    /// <summary>The timeout of one attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = MistSessionDefaults.AttemptTimeout;

    /// <summary>
    /// The timeout of a whole call, retries and waits included. Default none, so a call can wait out a spent
    /// budget or a 429; set one to fail instead.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Retries of failed attempts. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>An HTTPS proxy (<c>HTTPS_PROXY</c>), credentials in its user info allowed; none uses the environment's.</summary>
    public Uri? Proxy { get; set; }

    /// <summary>Whether TLS certificates are verified. Default on.</summary>
    public bool VerifyTls { get; set; } = true;

    /// <summary>A custom certificate check (for example trusting only the sandbox's certificate).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>The clock of budgets, cool-downs, waits and timeouts. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Adjusts the HTTP client options the session builds (name, headers, retry details, logging of bodies…).</summary>
    public Action<ConduitClientOptions>? ConfigureClient { get; set; }

    /// <summary>
    /// Session options from resolved credentials (<see cref="MistCredentialResolver"/>): the host, API tokens, email and
    /// password, proxy, retries and timeout (as the attempt timeout). With tokens the mode is
    /// <see cref="MistAuthenticationMode.ApiToken"/>; with only an email and password, <see cref="MistAuthenticationMode.Login"/>.
    /// Fields the credentials leave empty keep the session's defaults; the backoff factor, rate-limit threshold and log
    /// levels have no session counterpart (the session's retry strategy and token budget stand in for them).
    /// </summary>
    /// <param name="credentials">The resolved credentials.</param>
    /// <returns>New options, ready to adjust (prompt, budget, clock) before <see cref="MistSession.StartAsync"/>.</returns>
    public static MistSessionOptions FromCredentials(MistCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var options = new MistSessionOptions
        {
            Host = credentials.Host,
            Email = credentials.User,
            Password = credentials.Password,
            Proxy = credentials.Proxy,
            Mode = credentials.ApiTokens is { Count: > 0 } ? MistAuthenticationMode.ApiToken
                : credentials.User is not null && credentials.Password is not null ? MistAuthenticationMode.Login
                : MistAuthenticationMode.Auto,
        };
        foreach (var token in credentials.ApiTokens ?? [])
        {
            options.ApiTokens.Add(token);
        }

        if (credentials.MaxRetries is { } retries)
        {
            options.MaxRetries = retries;
        }

        if (credentials.Timeout is { } timeout)
        {
            options.AttemptTimeout = timeout;
        }

        return options;
    }

    /// <summary>The tokens from <see cref="ApiToken"/> and <see cref="ApiTokens"/>, trimmed, in order, without duplicates.</summary>
    public IReadOnlyList<string> AllApiTokens() =>
        [.. (ApiToken ?? string.Empty).Split(',').Concat(ApiTokens ?? [])
            .Select(t => t?.Trim() ?? string.Empty)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The cloud these options name: <see cref="Cloud"/>, else <see cref="Host"/> parsed, else Global 01.</summary>
    /// <exception cref="FormatException"><see cref="Host"/> is not a cloud name, host or URL.</exception>
    public MistCloud ResolveCloud() => Cloud ?? (string.IsNullOrWhiteSpace(Host) ? MistCloud.Global01 : MistCloud.Parse(Host));

    /// <summary>The mode <see cref="MistAuthenticationMode.Auto"/> stands for with these credentials.</summary>
    public MistAuthenticationMode ResolveMode() => Mode != MistAuthenticationMode.Auto ? Mode
        : AllApiTokens().Count > 0 ? MistAuthenticationMode.ApiToken
        : MistAuthenticationMode.Login;

    /// <summary>Returns every problem with these options; empty when they are valid. Secrets never appear in the messages.</summary>
    public IReadOnlyList<string> Validate() => MistSessionOptionsValidation.Errors(this);
}
