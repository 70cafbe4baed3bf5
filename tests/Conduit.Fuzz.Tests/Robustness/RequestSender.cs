using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// Sends <see cref="FuzzRequest"/>s to a loopback server and names how each was answered: <c>2xx</c>…<c>5xx</c>, or
/// <c>dropped</c> when no status line came back (connection closed or reset, or no answer within the watchdog).
/// </summary>
public sealed class RequestSender : IDisposable
{
    /// <summary>An answer slower than this counts as dropped.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private readonly Uri _origin;
    private readonly HttpClient _client;

    public RequestSender(Uri baseAddress)
    {
        _origin = new Uri(baseAddress.GetLeftPart(UriPartial.Authority));
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),

            // A connection per request, so a dropped connection is blamed on the request that was on it.
            PooledConnectionLifetime = TimeSpan.Zero,

            // Header values outside ASCII go out as Latin-1 bytes instead of being refused by the client.
            RequestHeaderEncodingSelector = static (_, _) => Encoding.Latin1,
        })
        { Timeout = Watchdog };
    }

    /// <summary>Bodies larger than this go out through a socket that reads the answer while it writes (see <see cref="Frame"/>).</summary>
    public const int StreamedBodyThreshold = 8 * 1024;

    /// <summary>Sends the request; returns the outcome and the status code when there was one.</summary>
    public async Task<(string Outcome, int? Status)> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        if (request.Raw is { } raw)
        {
            return await SendRawAsync(raw, cancellationToken);
        }

        // A server may answer 413 before a large body is through and close the connection; HttpClient then reports the
        // failed write, not the answer. A socket that reads while it writes sees the answer the server gave. The socket
        // also carries framing headers HttpClient refuses to send as given (Transfer-Encoding without a body).
        if (request.Body is { Length: > StreamedBodyThreshold } || request.Headers.Any(static h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            return await SendRawAsync(Frame(request), cancellationToken);
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_origin, request.PathAndQuery));
        if (request.Body is { } body)
        {
            message.Content = request.Chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var status = (int)response.StatusCode;
            return (status / 100 + "xx", status);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ("dropped (" + ex.GetType().Name + ": " + ex.Message + " / " + ex.InnerException?.Message + ")", null);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Writes the request as HTTP/1.1 bytes: the head, then the body with Content-Length or chunked framing.</summary>
    private byte[] Frame(FuzzRequest request)
    {
        var head = new StringBuilder($"{request.Method} {request.PathAndQuery} HTTP/1.1\r\nHost: {_origin.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (request.ContentType is { } contentType)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        var body = request.Body ?? [];
        head.Append(request.Chunked ? "Transfer-Encoding: chunked\r\n\r\n" : $"Content-Length: {body.Length}\r\n\r\n");
        using var bytes = new MemoryStream();
        bytes.Write(Encoding.Latin1.GetBytes(head.ToString()));
        if (!request.Chunked)
        {
            bytes.Write(body);
        }
        else
        {
            for (var i = 0; i < body.Length; i += 8192)
            {
                var n = Math.Min(8192, body.Length - i);
                bytes.Write(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
                bytes.Write(body, i, n);
                bytes.Write("\r\n"u8);
            }

            bytes.Write("0\r\n\r\n"u8);
        }

        return bytes.ToArray();
    }

    private async Task<(string Outcome, int? Status)> SendRawAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Watchdog);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _origin.Port), timeout.Token);

            // Write in the background: the server may answer (and close) before it has read everything.
            var sending = Task.Run(
                async () =>
                {
                    try
                    {
                        for (var i = 0; i < bytes.Length; i += 16 * 1024)
                        {
                            await socket.SendAsync(bytes.AsMemory(i, Math.Min(16 * 1024, bytes.Length - i)), SocketFlags.None, timeout.Token);
                        }
                    }
                    catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
                    {
                        // The server stopped reading; its answer (if any) is what counts.
                    }
                },
                CancellationToken.None);
            var received = new List<byte>();
            var buffer = new byte[4096];
            while (!received.Contains((byte)'\n'))
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                received.AddRange(buffer.AsSpan(0, n));
            }

            await timeout.CancelAsync();
            await sending;
            var line = Encoding.Latin1.GetString([.. received]).Split('\n')[0];
            var parts = line.Split(' ');
            return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var status)
                ? (status / 100 + "xx", status)
                : ("dropped (no status line)", null);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ("dropped (" + ex.GetType().Name + ")", null);
        }
    }

    /// <summary>A read-only stream that hides its length, so HttpClient sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Small pieces: the server sees several chunks.
            var n = Math.Min(Math.Min(count, 8192), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
