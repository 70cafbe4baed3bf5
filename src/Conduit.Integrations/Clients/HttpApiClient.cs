using System.Diagnostics.Metrics;
using Conduit.Http;
using Microsoft.Extensions.Logging;

namespace Conduit.Integrations.Clients;

/// <summary>
/// Seed 4's <c>AsyncHTTPClient</c> as a standalone .NET client: bearer token, retries with exponential backoff,
/// token-bucket rate limiting, JSON, typed exceptions, TLS verification and structured logs, with seed 4's defaults
/// (<see cref="HttpApiClientDefaults"/>). It is a <see cref="ConduitClient"/>, so every core call is available, sync and
/// async; dispose it (or use <c>using</c>) like seed 4's context manager.
/// </summary>
/// <example>
/// <code>
/// using var client = new HttpApiClient("https://chat.example.com/api/v4/", token);
/// var me = await client.GetAsync("users/me");
/// var post = await client.PostAsync("posts", JsonBody.From(newPost, AppJson.Default.NewPost));
/// var page = await client.GetAsync("search", new Dictionary&lt;string, string?&gt; { ["q"] = "term", ["limit"] = "10" });
/// </code>
/// </example>
public class HttpApiClient : ConduitClient
{
    /// <summary>Creates a client with seed 4's defaults.</summary>
    /// <param name="baseUrl">The base URL of every request.</param>
    /// <param name="token">A bearer token, or null for none.</param>
    public HttpApiClient(string baseUrl, string? token = null)
        : this(new HttpApiClientOptions { BaseUrl = new Uri(baseUrl, UriKind.Absolute), Token = token })
    {
    }

    /// <summary>Creates a client from options.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="loggerFactory">Where logs go; nowhere when null.</param>
    /// <param name="meterFactory">Where metrics go; the shared meter when null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; every problem listed.</exception>
    public HttpApiClient(HttpApiClientOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
        : base(ToClientOptions(options), loggerFactory, meterFactory)
    {
    }

    /// <summary>For mocking.</summary>
    protected HttpApiClient()
    {
    }

    /// <summary>Creates a client with seed 4's defaults (seed 4's <c>create_http_client</c>).</summary>
    public static HttpApiClient Create(string baseUrl, string? token = null) => new(baseUrl, token);

    /// <summary>GET a path with query parameters (null values skipped) and extra headers for this call.</summary>
    public Task<ApiResponse> GetAsync(string path, IEnumerable<KeyValuePair<string, string?>>? query, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        SendAsync(Build(HttpMethod.Get, path, query, headers, body: null), cancellationToken);

    /// <summary>Synchronous form of <see cref="GetAsync(string, IEnumerable{KeyValuePair{string, string}}, IEnumerable{KeyValuePair{string, string}}, CancellationToken)"/>.</summary>
    public ApiResponse Get(string path, IEnumerable<KeyValuePair<string, string?>>? query, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        Send(Build(HttpMethod.Get, path, query, headers, body: null), cancellationToken);

    /// <summary>Sends any method with a body, query parameters and extra headers (seed 4's <c>json=</c>, <c>data=</c>, <c>params=</c>, <c>headers=</c>).</summary>
    public Task<ApiResponse> SendAsync(HttpMethod method, string path, RequestBody? body, IEnumerable<KeyValuePair<string, string?>>? query = null, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        SendAsync(Build(method, path, query, headers, body), cancellationToken);

    /// <summary>Synchronous form of <see cref="SendAsync(HttpMethod, string, RequestBody, IEnumerable{KeyValuePair{string, string}}, IEnumerable{KeyValuePair{string, string}}, CancellationToken)"/>.</summary>
    public ApiResponse Send(HttpMethod method, string path, RequestBody? body, IEnumerable<KeyValuePair<string, string?>>? query = null, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        Send(Build(method, path, query, headers, body), cancellationToken);

    private static ConduitClientOptions ToClientOptions(HttpApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ToClientOptions();
    }

    private static ApiRequest Build(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query, IEnumerable<KeyValuePair<string, string>>? headers, RequestBody? body)
    {
        var request = new ApiRequest(method, path) { Body = body };
        foreach (var (name, value) in query ?? [])
        {
            request.WithQuery(name, value);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.WithHeader(name, value);
        }

        return request;
    }
}
