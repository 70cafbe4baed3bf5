using System.Buffers;
using System.Net;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Http.Redaction;
using Conduit.Http.Resilience;
using Conduit.Http.Telemetry;
using Conduit.Http.Transport;
using Microsoft.Extensions.Logging;
using Polly;

namespace Conduit.Http.Pipeline;

/// <summary>
/// Sends one attempt: builds a fresh request message, adds credentials, sends, buffers the body within the size limit,
/// records what the server said about its rate limit, and on a 401 refreshes credentials and replays once. Every step
/// has a synchronous path that never blocks on asynchronous work (except one documented case: see ReadSync).
/// </summary>
internal sealed class AttemptSender(
    ConduitClientOptions options,
    MessageTransport transport,
    ServerRateLimitGate gate,
    SecretRedactor redactor,
    ConduitHttpInstruments instruments,
    ILogger logger)
{
    private readonly AuthenticationProvider _authentication = options.Authentication;
    private readonly TimeProvider _timeProvider = options.TimeProvider;
    private readonly int _maxBodySize = (int)options.MaxResponseBodySize;
    private readonly ContentDecoding? _decoding = ContentDecoding.For(options.Decompression);

    /// <summary>
    /// Sends one attempt and returns its outcome (a response, or the exception it failed with) without throwing, so
    /// the resilience pipeline handles failures without the cost of exceptions in flight. The attempt runs under the
    /// call's <see cref="CallTimeouts"/>, when the client has any: a cancellation by the attempt timeout comes back as a
    /// <see cref="Polly.Timeout.TimeoutRejectedException"/>.
    /// </summary>
    public async ValueTask<Outcome<ApiResponse>> SendAsync(CallState state, bool async, CancellationToken cancellationToken)
    {
        var timeouts = state.Timeouts;
        if (timeouts is not null)
        {
            cancellationToken = timeouts.BeginAttempt();
        }

        state.Attempts++;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            ConduitHttpLog.Sending(logger, options.Name, state.Request.Method.Method, state.RedactedUri(redactor), state.Attempts);
        }

        Outcome<ApiResponse> outcome;
        try
        {
            // At most two sends: the first, and one replay after a 401 when the provider could refresh the credential.
            while (true)
            {
                using var message = CreateMessage(state);
                await ApplyCredentialsAsync(message, async, cancellationToken).ConfigureAwait(false);
                var response = await TransmitAsync(message, state, async, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Unauthorized || state.CredentialsRefreshed)
                {
                    Observe(state, response);
                    outcome = Outcome.FromResult(response);
                    break;
                }

                state.CredentialsRefreshed = true;
                var refreshed = async
                    ? await _authentication.RefreshAsync(message, cancellationToken).ConfigureAwait(false)
                    : _authentication.Refresh(message, cancellationToken);
                if (!refreshed)
                {
                    Observe(state, response);
                    outcome = Outcome.FromResult(response);
                    break;
                }

                ConduitHttpLog.RefreshingCredentials(logger, options.Name);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or ObjectDisposedException or InvalidDataException)
        {
            // A request that failed while its token was cancelled was cancelled: HttpClient reports it so, and so does
            // this when the message went straight to the handler (see MessageTransport), or when a synchronous body read
            // ended because the token closed its connection (see TransmitAsync), cutting a compressed body short too.
            outcome = Outcome.FromException<ApiResponse>(new TaskCanceledException(ex.Message, ex, cancellationToken));
        }
        catch (Exception ex)
        {
            outcome = Outcome.FromException<ApiResponse>(ex);
        }

        return timeouts is null ? outcome : timeouts.EndAttempt(outcome);
    }

    private void Observe(CallState state, ApiResponse response)
    {
        state.LastRetryAfter = RetryAfterParser.Parse(response, _timeProvider);
        if (gate.Observe(response, state.LastRetryAfter) is { } remaining)
        {
            instruments.LowQuota.Add(1, new KeyValuePair<string, object?>(ConduitHttpTelemetry.ClientTag, options.Name));
            ConduitHttpLog.LowQuota(logger, options.Name, remaining);
        }
    }

    private ValueTask ApplyCredentialsAsync(HttpRequestMessage message, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            return _authentication.ApplyAsync(message, cancellationToken);
        }

        _authentication.Apply(message, cancellationToken);
        return ValueTask.CompletedTask;
    }

    private HttpRequestMessage CreateMessage(CallState state)
    {
        var request = state.Request;
        var message = new HttpRequestMessage(request.Method, state.Uri);
        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                throw new ArgumentException($"The header '{name}' cannot be set on a request; set it on the body's content instead.", nameof(state));
            }
        }

        if (request.IdempotencyKey is { } key)
        {
            message.Headers.TryAddWithoutValidation(ApiRequest.IdempotencyKeyHeader, key);
        }

        if (request.Body is { } body)
        {
            message.Content = body.CreateContent();
            if (options.LogBodies && logger.IsEnabled(LogLevel.Trace) && !body.LoggableBytes.IsEmpty)
            {
                ConduitHttpLog.Body(logger, options.Name, "request", redactor.RedactJson(body.LoggableBytes.Span));
            }
        }

        return message;
    }

    private async ValueTask<ApiResponse> TransmitAsync(HttpRequestMessage message, CallState state, bool async, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogHeaders("request", message.Headers);
        }

        HttpResponseMessage sent;
        var abortable = false;
        if (async)
        {
            sent = await transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The handler writes the request and reads the headers on this thread: its connection says if it is one of ours.
            using var tracking = AbortableConnection.Track();
            sent = transport.Send(message, cancellationToken);
            abortable = tracking.UsedAbortableConnection;
        }

        using var response = sent;

        // The body is read here rather than in a helper: one state machine fewer per call on the hot path.
        // A HEAD response, a 204 and a 304 have no body whatever their Content-Length says (RFC 9110 §6.4.1).
        var bodiless = state.Request.Method == HttpMethod.Head || response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified;
        var declared = bodiless ? 0 : response.Content.Headers.ContentLength;
        if (declared > _maxBodySize)
        {
            throw TooLarge(state, declared.Value);
        }

        byte[] body;
        var decoded = false;
        try
        {
            var stream = async
                ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Content.ReadAsStream(cancellationToken);
            if (!bodiless && _decoding?.TryDecode(response, stream) is { } decoder)
            {
                // Decoded: its length is known only at its end (ReadUnknownLengthAsync enforces the size limit).
                stream = decoder;
                declared = null;
                decoded = true;
            }

            // Stream.Read ignores tokens: in the synchronous path a cancellation (the attempt or total timeout, or the
            // caller) closes the connection a read is blocked on instead (see AbortableConnection), so a body that stalls
            // after the headers ends the read with an exception that SendAsync reports as the cancellation it was. Through a
            // caller's own handler the read waits on ReadAsync instead, whose cancellation the handler honours (see ReadSync).
            var blockOnAsync = !async && !abortable && cancellationToken.CanBeCanceled;
            using (stream)
            using (async || !abortable ? null : AbortableConnection.CancelReadsWith(cancellationToken))
            {
                if (declared is { } length)
                {
                    body = length == 0 ? [] : new byte[length];
                    var read = 0;
                    while (read < body.Length)
                    {
                        var n = async
                            ? await stream.ReadAsync(body.AsMemory(read), cancellationToken).ConfigureAwait(false)
                            : ReadSync(stream, body.AsMemory(read), blockOnAsync, cancellationToken);
                        if (n == 0)
                        {
                            throw new HttpIOException(HttpRequestError.ResponseEnded, "The connection closed before the whole response body arrived.");
                        }

                        read += n;
                    }
                }
                else
                {
                    body = await ReadUnknownLengthAsync(stream, state, async, blockOnAsync, cancellationToken).ConfigureAwait(false);
                }

                if (!async)
                {
                    // A body that runs to the end of the connection looks complete when the abort ended it.
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (InvalidDataException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A body that is not what its Content-Encoding says cannot be read.
            throw Undecodable(state, response, ex);
        }

        if (decoded)
        {
            ContentDecoding.MarkDecoded(response);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogHeaders("response", response.Headers);
            if (options.LogBodies && body.Length > 0)
            {
                ConduitHttpLog.Body(logger, options.Name, "response", redactor.RedactJson(body));
            }
        }

        return new ApiResponse(response.StatusCode, body, response.Headers, response.Content.Headers, state.Request.Method.Method, state.RedactedUri(redactor))
        {
            Redactor = redactor,
        };
    }

    /// <summary>Reads a body of unknown length (chunked) into a pooled buffer, failing past the size limit.</summary>
    private async ValueTask<byte[]> ReadUnknownLengthAsync(Stream stream, CallState state, bool async, bool blockOnAsync, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var n = async
                    ? await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)
                    : ReadSync(stream, buffer.AsMemory(total), blockOnAsync, cancellationToken);
                if (n == 0)
                {
                    return buffer.AsSpan(0, total).ToArray();
                }

                total += n;
                if (total > _maxBodySize)
                {
                    throw TooLarge(state, total);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ApiException Undecodable(CallState state, HttpResponseMessage response, InvalidDataException exception)
    {
        var method = state.Request.Method.Method;
        var uri = state.RedactedUri(redactor);
        var encoding = response.Content.Headers.ContentEncoding.Count == 0 ? "none" : string.Join(", ", response.Content.Headers.ContentEncoding);
        var message = $"{method} {uri} returned {(int)response.StatusCode} with a body that could not be decoded (Content-Encoding: {encoding}): "
            + redactor.RedactText(exception.Message);
        var undecoded = new ApiResponse(response.StatusCode, ReadOnlyMemory<byte>.Empty, response.Headers, response.Content.Headers, method, uri)
        {
            Redactor = redactor,
        };
        return new ApiException(message, method, uri, undecoded, exception);
    }

    /// <summary>
    /// A synchronous read. <see cref="Stream.Read(Span{byte})"/> ignores the token: through an
    /// <see cref="AbortableConnection"/> the token closes the connection the read is blocked on instead; through a caller's
    /// own handler nothing stops the read safely from another thread (disposing the response races with it), so with
    /// <paramref name="blockOnAsync"/> the read waits on <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>,
    /// whose cancellation <see cref="SocketsHttpHandler"/> honours by closing the connection. That one wait is the only
    /// place the synchronous path blocks on asynchronous work, and only for a handler that does not connect through
    /// <see cref="HttpHandlerFactory"/>.
    /// </summary>
    private static int ReadSync(Stream stream, Memory<byte> buffer, bool blockOnAsync, CancellationToken cancellationToken)
    {
        if (!blockOnAsync)
        {
            return stream.Read(buffer.Span);
        }

        var pending = stream.ReadAsync(buffer, cancellationToken);
        return pending.IsCompleted ? pending.GetAwaiter().GetResult() : pending.AsTask().GetAwaiter().GetResult();
    }

    private ApiException TooLarge(CallState state, long size) => new(
        $"{state.Request.Method.Method} {state.RedactedUri(redactor)} returned a body of at least {size} bytes, more than MaxResponseBodySize ({_maxBodySize} bytes).",
        state.Request.Method.Method, state.RedactedUri(redactor), response: null);

    private void LogHeaders(string direction, System.Net.Http.Headers.HttpHeaders headers)
    {
        foreach (var header in headers)
        {
            ConduitHttpLog.Header(logger, options.Name, direction, header.Key, redactor.RedactHeader(header.Key, string.Join(", ", header.Value)));
        }
    }
}
