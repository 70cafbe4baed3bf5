using System.Net.Http.Headers;

namespace Conduit.Http.Authentication;

/// <summary>
/// Sends a fixed credential in a header: <c>Authorization: &lt;scheme&gt; &lt;value&gt;</c>, or a named header such as
/// <c>X-API-Key</c>. The factory methods cover bearer, basic, Mist <c>Token</c> and API-key schemes.
/// </summary>
public sealed class HeaderAuthentication : AuthenticationProvider
{
    private readonly string _headerName;
    private readonly string? _scheme;
    private readonly string _value;
    private readonly string _secret;
    private readonly AuthenticationHeaderValue? _authorization;

    private HeaderAuthentication(string headerName, string? scheme, string value, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!HeaderRules.IsValidName(headerName))
        {
            throw new ArgumentException($"'{HeaderRules.ShowName(headerName)}' is not a valid header name.", nameof(headerName));
        }

        if (!HeaderRules.IsValidValue(value))
        {
            // The credential is not shown.
            throw new ArgumentException($"The credential for the {headerName} header contains a line break or NUL character, which a header cannot carry.", nameof(value));
        }

        _headerName = headerName;
        _scheme = scheme;
        _value = value;
        _secret = secret;
        if (scheme is not null)
        {
            _authorization = new AuthenticationHeaderValue(scheme, value);
        }
    }

    /// <summary>The header the credential goes in.</summary>
    public string HeaderName => _headerName;

    /// <summary>The scheme in <c>Authorization</c>, or <see langword="null"/> for a plain header.</summary>
    public string? Scheme => _scheme;

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public static HeaderAuthentication Bearer(string token) => new("Authorization", "Bearer", token, token);

    /// <summary><c>Authorization: Token &lt;token&gt;</c>, the scheme of Mist API tokens.</summary>
    public static HeaderAuthentication MistToken(string token) => new("Authorization", "Token", token, token);

    /// <summary><c>Authorization: Basic base64(user:password)</c>.</summary>
    public static HeaderAuthentication Basic(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userName + ":" + password));
        return new("Authorization", "Basic", encoded, password);
    }

    /// <summary>An API key in a header, <c>X-API-Key</c> by default.</summary>
    public static HeaderAuthentication ApiKey(string apiKey, string headerName = "X-API-Key") => new(headerName, null, apiKey, apiKey);

    /// <inheritdoc />
    public override IEnumerable<string> Secrets => _secret == _value ? [_secret] : [_secret, _value];

    /// <inheritdoc />
    protected override ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }
        else
        {
            request.Headers.Remove(_headerName);
            request.Headers.TryAddWithoutValidation(_headerName, _value);
        }

        return ValueTask.CompletedTask;
    }
}
