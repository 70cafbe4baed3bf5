namespace Conduit.Http.Pipeline;

/// <summary>
/// How an attempt's request message reaches the wire: straight into the client's own handler, or through an
/// <see cref="HttpClient"/> that the caller supplied (for example one from <c>IHttpClientFactory</c>, whose handler
/// chain and default headers are the caller's).
/// </summary>
/// <remarks>
/// A client that owns its handler skips <see cref="HttpClient"/>: with the pipeline's cancellable token, every
/// <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/> builds a linked
/// cancellation source (registered on a source shared by every request of the client, a point of contention under
/// concurrency) and an async state machine, about 500 bytes per call, for features the pipeline does not use (its
/// timeout is infinite, its base address is never needed). What it does that matters is done here: the default headers
/// are added to each message (only where the message has no header of that name, as HttpClient merges them), and
/// <see cref="AttemptSender"/> reports a request failure that races with cancellation as the cancellation.
/// </remarks>
internal sealed class MessageTransport : IDisposable
{
    private readonly HttpMessageInvoker? _handler;
    private readonly HttpClient? _httpClient;
    private readonly bool _disposeHttpClient;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;

    private MessageTransport(HttpMessageInvoker? handler, HttpClient? httpClient, bool disposeHttpClient, KeyValuePair<string, string>[] defaultHeaders)
    {
        _handler = handler;
        _httpClient = httpClient;
        _disposeHttpClient = disposeHttpClient;
        _defaultHeaders = defaultHeaders;
    }

    /// <summary>Sends into <paramref name="handler"/> (owned, and disposed with this transport) with the options' default headers.</summary>
    public static MessageTransport ForOwnedHandler(HttpMessageHandler handler, ConduitClientOptions options)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (!options.DefaultHeaders.ContainsKey("Accept"))
        {
            headers.Add(new("Accept", "application/json"));
        }

        if (SendsUserAgent(options))
        {
            headers.Add(new("User-Agent", options.UserAgent));
        }

        if (AcceptEncoding(options) is { } acceptEncoding)
        {
            headers.Add(new("Accept-Encoding", acceptEncoding));
        }

        // Only the headers a request message accepts, as HttpClient.DefaultRequestHeaders would have taken them.
        using var probe = new HttpRequestMessage();
        headers.AddRange(options.DefaultHeaders.Where(h => probe.Headers.TryAddWithoutValidation(h.Key, h.Value)));
        return new MessageTransport(new HttpMessageInvoker(handler, disposeHandler: true), httpClient: null, disposeHttpClient: false, [.. headers]);
    }

    /// <summary>
    /// Sends through <paramref name="httpClient"/>: sets its timeout to infinite (the pipeline owns timeouts) and adds
    /// the options' default headers to its own.
    /// </summary>
    public static MessageTransport ForHttpClient(HttpClient httpClient, ConduitClientOptions options, bool disposeHttpClient)
    {
        httpClient.Timeout = Timeout.InfiniteTimeSpan;

        // Raw strings (TryAddWithoutValidation): HttpClient copies its default headers into every request, and a
        // parsed value (Accept.Add, UserAgent.TryParseAdd) is cloned object by object on each copy.
        var headers = httpClient.DefaultRequestHeaders;
        if (!options.DefaultHeaders.ContainsKey("Accept"))
        {
            headers.TryAddWithoutValidation("Accept", "application/json");
        }

        if (SendsUserAgent(options))
        {
            headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        }

        if (AcceptEncoding(options) is { } acceptEncoding && !headers.Contains("Accept-Encoding"))
        {
            headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        foreach (var (name, value) in options.DefaultHeaders)
        {
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }

        return new(handler: null, httpClient, disposeHttpClient, []);
    }

    /// <summary>Sends a request and returns as soon as the response headers have arrived.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        if (_httpClient is not null)
        {
            return _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        AddDefaultHeaders(message);
        return _handler!.SendAsync(message, cancellationToken);
    }

    /// <summary>Synchronous form of <see cref="SendAsync"/>.</summary>
    public HttpResponseMessage Send(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        if (_httpClient is not null)
        {
            return _httpClient.Send(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        AddDefaultHeaders(message);
        return _handler!.Send(message, cancellationToken);
    }

    public void Dispose()
    {
        _handler?.Dispose();
        if (_disposeHttpClient)
        {
            _httpClient?.Dispose();
        }
    }

    /// <summary>Whether the options' user agent is sent: set, not overridden by a default header, and valid.</summary>
    private static bool SendsUserAgent(ConduitClientOptions options)
    {
        if (string.IsNullOrEmpty(options.UserAgent) || options.DefaultHeaders.ContainsKey("User-Agent"))
        {
            return false;
        }

        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(options.UserAgent);
    }

    /// <summary>The <c>Accept-Encoding</c> the client sends: its decodings, unless a default header sets one.</summary>
    private static string? AcceptEncoding(ConduitClientOptions options) =>
        options.DefaultHeaders.ContainsKey("Accept-Encoding") ? null : Transport.ContentDecoding.For(options.Decompression)?.AcceptEncoding;

    private void AddDefaultHeaders(HttpRequestMessage message)
    {
        var headers = message.Headers;
        foreach (var (name, value) in _defaultHeaders)
        {
            if (!headers.Contains(name))
            {
                headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}
