using System.Net.Sockets;

namespace Conduit.Http.Transport;

/// <summary>
/// The stream of one connection that <see cref="HttpHandlerFactory"/>'s handlers open (their
/// <see cref="SocketsHttpHandler.ConnectCallback"/>), so that a cancelled synchronous call can stop a blocked read.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Stream.Read(Span{byte})"/> ignores cancellation tokens, and the response stream of
/// <see cref="SocketsHttpHandler"/> cannot be disposed safely while another thread reads it: its dispose drains the rest of
/// the body on the disposing thread, concurrently with the blocked reader, and can put the connection back in the pool in a
/// state where the next request reads the previous body as its status line (or blocks on a connection that has nothing left
/// to send). Shutting the socket down is safe from any thread: the blocked read returns, the handler sees the connection end
/// and never reuses it.
/// </para>
/// <para>
/// To know which connection a synchronous attempt runs on, the attempt calls <see cref="BeginTracking"/> before it sends: the
/// handler writes the request and reads the response headers on the calling thread, through this stream, which records
/// itself; <see cref="EndTracking"/> returns it. A handler that does not connect through here (a caller's own
/// <see cref="HttpClient"/>) leaves nothing recorded.
/// </para>
/// </remarks>
internal sealed class AbortableConnection(Socket socket) : Stream
{
    [ThreadStatic]
    private static bool t_tracking;

    [ThreadStatic]
    private static AbortableConnection? t_used;

    private readonly NetworkStream _inner = new(socket, ownsSocket: true);

    /// <summary>Connects the way <see cref="SocketsHttpHandler"/> does by default (TCP, no Nagle) and wraps the socket.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new AbortableConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Starts recording the connection the calling thread's synchronous I/O goes through.</summary>
    public static void BeginTracking()
    {
        t_used = null;
        t_tracking = true;
    }

    /// <summary>Stops recording; returns the connection used since <see cref="BeginTracking"/>, or null if none of these was.</summary>
    public static AbortableConnection? EndTracking()
    {
        var used = t_used;
        t_used = null;
        t_tracking = false;
        return used;
    }

    /// <summary>Ends the connection from any thread: a read blocked on it returns, and the handler does not reuse it.</summary>
    public void Abort()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to stop.
        }
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        Track();
        return _inner.Read(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Track();
        return _inner.Read(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Track();
        _inner.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Track();
        _inner.Write(buffer, offset, count);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Track()
    {
        if (t_tracking)
        {
            t_used = this;
        }
    }
}
