using Conduit.Http.Redaction;

namespace Conduit.Http.Pipeline;

/// <summary>What one call carries through its attempts: the request, its URL, timing and what the last attempt saw.</summary>
internal sealed class CallState(HttpCallPipeline pipeline, ApiRequest request, Uri uri, long startTimestamp, bool isAsync, CallTimeouts? timeouts)
{
    private Uri? _redactedUri;

    public HttpCallPipeline Pipeline { get; } = pipeline;

    public ApiRequest Request { get; } = request;

    public Uri Uri { get; } = uri;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Whether the call came through the asynchronous API (the synchronous one must never await).</summary>
    public bool IsAsync { get; } = isAsync;

    /// <summary>The call's total and attempt timeouts, or <see langword="null"/> when the client has none.</summary>
    public CallTimeouts? Timeouts { get; } = timeouts;

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Whether a 401 already caused a credential refresh and replay in this call.</summary>
    public bool CredentialsRefreshed { get; set; }

    /// <summary>The <c>Retry-After</c> of the last response, if any.</summary>
    public TimeSpan? LastRetryAfter { get; set; }

    /// <summary>How long the call has left before its total timeout (<see cref="TimeSpan.MaxValue"/> when there is none).</summary>
    public TimeSpan TimeLeft(TimeSpan totalTimeout, TimeProvider timeProvider) =>
        totalTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : totalTimeout - timeProvider.GetElapsedTime(StartTimestamp);

    /// <summary>The URL with secrets masked, computed on first use.</summary>
    public Uri RedactedUri(SecretRedactor redactor) => _redactedUri ??= redactor.RedactUri(Uri)!;
}
