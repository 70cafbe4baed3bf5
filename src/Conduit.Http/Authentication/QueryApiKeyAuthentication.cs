namespace Conduit.Http.Authentication;

/// <summary>Sends an API key as a query parameter (for APIs that want <c>?api_key=…</c>). Logs mask the value.</summary>
public sealed class QueryApiKeyAuthentication : AuthenticationProvider
{
    private readonly string _parameterName;
    private readonly string _apiKey;
    private readonly string _escapedPair;

    /// <summary>Creates the provider.</summary>
    public QueryApiKeyAuthentication(string apiKey, string parameterName = "api_key")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        _apiKey = apiKey;
        _parameterName = parameterName;
        _escapedPair = Uri.EscapeDataString(parameterName) + "=" + Uri.EscapeDataString(apiKey);
    }

    /// <summary>The query parameter name.</summary>
    public string ParameterName => _parameterName;

    /// <inheritdoc />
    public override IEnumerable<string> Secrets => [_apiKey];

    /// <inheritdoc />
    protected override ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URL.");
        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        request.RequestUri = new Uri(uri.OriginalString + separator + _escapedPair, UriKind.RelativeOrAbsolute);
        return ValueTask.CompletedTask;
    }
}
