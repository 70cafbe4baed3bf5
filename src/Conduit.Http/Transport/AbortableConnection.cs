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
/// to send).
/// </para>
/// <para>
/// Instead, a synchronous attempt reads its body inside <see cref="CancelReadsWith"/>: while the calling thread is inside a
/// socket read of one of these connections, a cancellation of that token closes the socket. The read returns at once, the
/// handler sees the connection end and never reuses it; outside a read nothing is touched, so a connection already back in
/// the pool (its body complete) is never closed under another request. The handler writes the request and reads the
/// response headers on the calling thread too, so <see cref="Track"/> tells the attempt whether its handler connects
/// through here at all (a caller's own <see cref="HttpClient"/> may not).
/// </para>
/// <para>
/// It derives from <see cref="NetworkStream"/> so the handler treats it as the socket it is (a non-blocking liveness poll
/// before a pooled connection is reused, the peer address in its telemetry).
/// </para>
/// </remarks>
internal sealed class AbortableConnection(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    [ThreadStatic]
    private static Scope? t_scope;

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

    /// <summary>
    /// Starts watching the calling thread's synchronous I/O: <see cref="Scope.UsedAbortableConnection"/> says whether it went
    /// through one of these connections. Dispose the scope (on the same thread) to stop; scopes nest.
    /// </summary>
    public static Scope Track() => t_scope = new Scope(t_scope, default);

    /// <summary>
    /// Arms <paramref name="cancellationToken"/> for the calling thread's synchronous reads of these connections until the
    /// scope is disposed (on the same thread): a cancellation during such a read closes that read's connection.
    /// </summary>
    public static Scope CancelReadsWith(CancellationToken cancellationToken) => t_scope = new Scope(t_scope, cancellationToken);

    public override int Read(Span<byte> buffer)
    {
        if (t_scope is not { } scope)
        {
            return Receive(buffer);
        }

        scope.UsedAbortableConnection = true;
        if (!scope.Token.CanBeCanceled)
        {
            return Receive(buffer);
        }

        scope.Token.ThrowIfCancellationRequested();
        using (scope.Token.UnsafeRegister(static c => ((AbortableConnection)c!).Abort(), this))
        {
            return Receive(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        t_scope?.UsedAbortableConnection = true;
        while (!buffer.IsEmpty)
        {
            var sent = Socket.Send(buffer, SocketFlags.None, out var error);
            ThrowIfFailed(error, "write data to");
            buffer = buffer[sent..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void WriteByte(byte value) => Write([value]);

    // The synchronous reads and writes go to the socket here: NetworkStream's own Span overloads defer to the array
    // overloads in a derived class, which would loop back into these.
    private int Receive(Span<byte> buffer)
    {
        var received = Socket.Receive(buffer, SocketFlags.None, out var error);
        ThrowIfFailed(error, "read data from");
        return received;
    }

    private static void ThrowIfFailed(SocketError error, string operation)
    {
        if (error != SocketError.Success)
        {
            var inner = new SocketException((int)error);
            throw new IOException($"Unable to {operation} the transport connection: {inner.Message}.", inner);
        }
    }

    /// <summary>Ends the connection: the blocked read returns (or fails), and the handler does not reuse the connection.</summary>
    private void Abort()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        // Shutting down wakes a blocked receive on Linux; closing the socket does it everywhere.
        Socket.Dispose();
    }

    /// <summary>What the calling thread's synchronous reads and writes of these connections observe; restores the outer scope when disposed.</summary>
    public sealed class Scope(Scope? outer, CancellationToken token) : IDisposable
    {
        /// <summary>The token that closes a connection this thread is reading from (none for <see cref="Track"/>).</summary>
        public CancellationToken Token { get; } = token;

        /// <summary>Whether the thread read from or wrote to one of these connections inside this scope.</summary>
        public bool UsedAbortableConnection { get; set; }

        public void Dispose()
        {
            // Only the innermost scope restores its outer one: a second or out-of-order dispose changes nothing.
            if (ReferenceEquals(t_scope, this))
            {
                t_scope = outer;
            }
        }
    }
}
