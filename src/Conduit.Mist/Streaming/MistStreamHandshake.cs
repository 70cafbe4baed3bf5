using System.Net;
using System.Net.WebSockets;
using Conduit.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Streaming;

/// <summary>
/// Opens one WebSocket to the stream URL with the credentials, keep-alive, certificate hook and proxy of the options,
/// and turns a failed handshake into a <see cref="MistStreamException"/>: 401/403 → <see cref="MistStreamErrorKind.Unauthorized"/>,
/// 429 → <see cref="MistStreamErrorKind.RateLimited"/> with its <c>Retry-After</c>, anything else → <see cref="MistStreamErrorKind.ConnectFailed"/>.
/// </summary>
internal sealed class MistStreamHandshake(MistStreamOptions options, ILogger logger)
{
    private readonly TimeProvider time = options.TimeProvider;

    /// <summary>Makes a handshake; returns the open socket, or the failure (null when cancelled).</summary>
    public async Task<(ClientWebSocket? Socket, MistStreamException? Failure)> ConnectAsync(int index, CancellationToken cancellationToken)
    {
        var url = options.Url!;
        MistStreamLog.Connecting(logger, index, url.GetLeftPart(UriPartial.Path));
        var ws = new ClientWebSocket();
        var socketOptions = ws.Options;
        socketOptions.CollectHttpResponseDetails = true;
        socketOptions.KeepAliveInterval = options.KeepAliveInterval;
        if (options.KeepAliveInterval > TimeSpan.Zero)
        {
            socketOptions.KeepAliveTimeout = options.KeepAliveTimeout;
        }

        if (options.RemoteCertificateValidation is { } validation)
        {
            socketOptions.RemoteCertificateValidationCallback = validation;
        }

        if (options.Proxy is { } proxy)
        {
            socketOptions.Proxy = proxy;
        }

        options.Credentials!.Apply(socketOptions);
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await ws.ConnectAsync(url, linked.Token).ConfigureAwait(false);
            return (ws, null);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
        {
            var status = ws.HttpStatusCode;
            var retryAfter = ws.HttpResponseHeaders is { } headers && headers.TryGetValue("Retry-After", out var values) ? values.FirstOrDefault() : null;
            ws.Dispose();
            return cancellationToken.IsCancellationRequested ? (null, null) : (null, Classify(index, status, retryAfter, timeout.IsCancellationRequested, ex));
        }
    }

    private MistStreamException Classify(int index, HttpStatusCode status, string? retryAfter, bool timedOut, Exception ex)
    {
        return (int)status switch
        {
            401 or 403 => new MistStreamException(MistStreamErrorKind.Unauthorized, $"The stream handshake was refused with {(int)status} ({status}): the credentials are not valid for the stream; not retrying.", ex) { StatusCode = status, Connection = index },
            429 => new MistStreamException(MistStreamErrorKind.RateLimited, $"The stream handshake was rate limited (429){(retryAfter is null ? string.Empty : $"; Retry-After: {retryAfter}")}.", ex)
            {
                StatusCode = status,
                Connection = index,
                RetryAfter = RetryAfterParser.TryParse(retryAfter, time.GetUtcNow(), out var delay) ? delay : null,
            },
            0 when timedOut => new MistStreamException(MistStreamErrorKind.ConnectFailed, "The stream handshake timed out.", ex) { Connection = index },
            0 => new MistStreamException(MistStreamErrorKind.ConnectFailed, $"The stream handshake failed: {ex.Message}", ex) { Connection = index },
            _ => new MistStreamException(MistStreamErrorKind.ConnectFailed, $"The stream handshake was answered {(int)status} ({status}).", ex) { StatusCode = status, Connection = index },
        };
    }
}
