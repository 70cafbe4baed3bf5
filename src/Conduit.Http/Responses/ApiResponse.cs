using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http.Redaction;
using Conduit.Http.Resilience;

namespace Conduit.Http;

/// <summary>
/// A completed, buffered HTTP response: status, headers, elapsed time and body (as bytes, text, JSON or a typed
/// value). It owns no connection and needs no disposal.
/// </summary>
public class ApiResponse
{
    private static readonly MediaTypeHeaderValue NoContentType = new("application/octet-stream");
    private readonly HttpResponseHeaders? _headers;
    private readonly HttpContentHeaders? _contentHeaders;
    private string? _text;

    /// <summary>Creates a response; used by the client and by test doubles.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="content">The buffered body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="contentHeaders">The content headers.</param>
    /// <param name="requestMethod">The method of the request that produced it.</param>
    /// <param name="requestUri">The request URL with secrets redacted.</param>
    /// <param name="elapsed">The time from the first attempt's send to this response, retries included.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    public ApiResponse(
        HttpStatusCode statusCode,
        ReadOnlyMemory<byte> content,
        HttpResponseHeaders? headers = null,
        HttpContentHeaders? contentHeaders = null,
        string requestMethod = "GET",
        Uri? requestUri = null,
        TimeSpan elapsed = default,
        int attempts = 1)
    {
        StatusCode = statusCode;
        Content = content;
        _headers = headers;
        _contentHeaders = contentHeaders;
        RequestMethod = requestMethod;
        RequestUri = requestUri;
        Elapsed = elapsed;
        Attempts = attempts;
    }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The buffered body.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The body decoded as text (UTF-8 unless the content type names another charset).</summary>
    public string Text => _text ??= DecodeText();

    /// <summary>The media type of the body, e.g. <c>application/json</c>, or <see langword="null"/>.</summary>
    public string? ContentType => _contentHeaders?.ContentType?.MediaType;

    /// <summary>The method of the request.</summary>
    public string RequestMethod { get; }

    /// <summary>The request URL with secrets redacted.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The time from the first send to this response, including retries and waits.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>How many attempts the call took (1 when it was not retried).</summary>
    public int Attempts { get; internal set; }

    /// <summary>The response headers, without content headers.</summary>
    public HttpResponseHeaders? Headers => _headers;

    /// <summary>The content headers (<c>Content-Type</c>, <c>Content-Length</c>…).</summary>
    public HttpContentHeaders? ContentHeaders => _contentHeaders;

    internal SecretRedactor Redactor { get; init; } = SecretRedactor.Default;

    /// <summary>Gets the first value of a response or content header.</summary>
    public bool TryGetHeader(string name, out string? value)
    {
        if ((_headers is not null && _headers.TryGetValues(name, out var values)) ||
            (_contentHeaders is not null && _contentHeaders.TryGetValues(name, out values)))
        {
            value = values.FirstOrDefault();
            return value is not null;
        }

        value = null;
        return false;
    }

    /// <summary>Gets the first value of a header, or <see langword="null"/>.</summary>
    public string? GetHeader(string name) => TryGetHeader(name, out var value) ? value : null;

    /// <summary>Parses the body as a JSON document (the caller disposes it).</summary>
    /// <exception cref="ApiException">The body is not valid JSON; the raw body stays on the exception.</exception>
    public JsonDocument ReadJsonDocument()
    {
        try
        {
            return JsonDocument.Parse(Content);
        }
        catch (JsonException ex)
        {
            throw InvalidBody(ex);
        }
    }

    /// <summary>Deserialises the body with source-generated metadata (trim and AOT safe).</summary>
    /// <exception cref="ApiException">The body does not match the type; the raw body stays on the exception.</exception>
    public T ReadAs<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return JsonSerializer.Deserialize(Content.Span, typeInfo)!;
        }
        catch (JsonException ex)
        {
            throw InvalidBody(ex);
        }
    }

    /// <summary>Throws the matching <see cref="ApiException"/> when the status is not 2xx.</summary>
    /// <returns>This response, for chaining.</returns>
    public ApiResponse EnsureSuccess()
    {
        if (!IsSuccess)
        {
            throw ApiException.FromResponse(this, RequestUri, RetryAfterParser.Parse(this, TimeProvider.System));
        }

        return this;
    }

    private ApiException InvalidBody(JsonException ex) => new(
        $"{RequestMethod} {RequestUri} answered {(int)StatusCode} with a body that is not the expected JSON: {ex.Message}",
        RequestMethod, RequestUri, this, ex);

    private string DecodeText()
    {
        if (Content.IsEmpty)
        {
            return string.Empty;
        }

        var charset = (_contentHeaders?.ContentType ?? NoContentType).CharSet?.Trim('"');
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }
        }

        return encoding.GetString(Content.Span);
    }
}
