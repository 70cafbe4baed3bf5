using System.Globalization;

namespace Conduit.Http;

/// <summary>
/// A description of one API call: method, path, query, headers and body. The client turns it into a fresh
/// <see cref="HttpRequestMessage"/> for every attempt, so a request can be retried and reused.
/// </summary>
/// <example>
/// <code>
/// var request = ApiRequest.Get("orgs/{0}/sites", orgId).WithQuery("limit", 100).WithQuery("deleted", false);
/// </code>
/// </example>
public sealed class ApiRequest
{
    /// <summary>The header that carries an idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates a request for a path relative to the client's base URL, or an absolute URL.</summary>
    public ApiRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path relative to the base URL (a leading <c>/</c> is ignored), or an absolute URL.</summary>
    public string Path { get; }

    /// <summary>The body, if any.</summary>
    public RequestBody? Body { get; set; }

    /// <summary>
    /// An idempotency key: sent as the <c>Idempotency-Key</c> header and lets an unsafe method (POST, PATCH) be retried,
    /// because the server can recognise a repeat.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// Lets an unsafe method (POST, PATCH) be retried after it may have reached the server, without an idempotency key.
    /// Use only for calls the caller knows are safe to repeat.
    /// </summary>
    public bool RetryUnsafeMethod { get; set; }

    /// <summary>Whether a non-success status throws an <see cref="ApiException"/> (default) or is returned.</summary>
    public bool ThrowOnErrorStatus { get; set; } = true;

    /// <summary>The query parameters in order, already formatted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? [];

    /// <summary>The per-request headers in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Whether the method is retried by default: GET, HEAD, OPTIONS, PUT, DELETE and TRACE are idempotent.</summary>
    public bool IsIdempotent => !(Method == HttpMethod.Post || Method == HttpMethod.Patch || Method == HttpMethod.Connect);

    /// <summary>Whether a failed attempt that may have reached the server can be retried.</summary>
    public bool MayRetryAfterSending => (IsIdempotent || RetryUnsafeMethod || IdempotencyKey is not null) && (Body?.IsReplayable ?? true);

    /// <summary>Creates a GET request; <paramref name="pathArguments"/> fill <c>{0}</c>, <c>{1}</c>… in the path, escaped.</summary>
    public static ApiRequest Get(string path, params ReadOnlySpan<object?> pathArguments) => new(HttpMethod.Get, FormatPath(path, pathArguments));

    /// <summary>Creates a POST request; see <see cref="Get"/> for path arguments.</summary>
    public static ApiRequest Post(string path, params ReadOnlySpan<object?> pathArguments) => new(HttpMethod.Post, FormatPath(path, pathArguments));

    /// <summary>Creates a PUT request; see <see cref="Get"/> for path arguments.</summary>
    public static ApiRequest Put(string path, params ReadOnlySpan<object?> pathArguments) => new(HttpMethod.Put, FormatPath(path, pathArguments));

    /// <summary>Creates a PATCH request; see <see cref="Get"/> for path arguments.</summary>
    public static ApiRequest Patch(string path, params ReadOnlySpan<object?> pathArguments) => new(HttpMethod.Patch, FormatPath(path, pathArguments));

    /// <summary>Creates a DELETE request; see <see cref="Get"/> for path arguments.</summary>
    public static ApiRequest Delete(string path, params ReadOnlySpan<object?> pathArguments) => new(HttpMethod.Delete, FormatPath(path, pathArguments));

    /// <summary>Adds a query parameter; a <see langword="null"/> value is skipped, <c>false</c> and <c>0</c> are sent.</summary>
    public ApiRequest WithQuery(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_query ??= []).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds a query parameter formatted invariantly (booleans as <c>true</c>/<c>false</c>); <see langword="null"/> is skipped.</summary>
    public ApiRequest WithQuery<T>(string name, T? value)
        where T : struct => value is null ? this : WithQuery(name, QueryValue.Format(value.Value));

    /// <summary>Adds a query parameter formatted invariantly (booleans as <c>true</c>/<c>false</c>).</summary>
    public ApiRequest WithQuery<T>(string name, T value)
        where T : struct => WithQuery(name, QueryValue.Format(value));

    /// <summary>Adds a header for this request only.</summary>
    public ApiRequest WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Sets the body and returns this request.</summary>
    public ApiRequest WithBody(RequestBody? body)
    {
        Body = body;
        return this;
    }

    /// <summary>Sets the idempotency key and returns this request.</summary>
    public ApiRequest WithIdempotencyKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        IdempotencyKey = key;
        return this;
    }

    /// <summary>Fills <c>{0}</c>, <c>{1}</c>… placeholders with escaped values (so <c>/</c>, spaces and unicode are safe).</summary>
    public static string FormatPath(string path, params ReadOnlySpan<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (arguments.IsEmpty)
        {
            return path;
        }

        var escaped = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var text = arguments[i] is null ? throw new ArgumentNullException(nameof(arguments), $"Path argument {i} is null.")
                : QueryValue.FormatObject(arguments[i]!);
            // EscapeDataString leaves '.' alone, and System.Uri removes "." and ".." segments: escape them so an argument
            // cannot climb out of its segment (orgs/{0}/sites with ".." must not become /sites).
            escaped[i] = text switch
            {
                "." => "%2E",
                ".." => "%2E%2E",
                _ => Uri.EscapeDataString(text),
            };
        }

        return string.Format(CultureInfo.InvariantCulture, path, escaped);
    }
}
