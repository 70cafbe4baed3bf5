using System.Net.Http.Headers;

namespace Conduit.Http;

/// <summary>
/// A body read from a stream. A seekable stream is rewound to its starting position for each attempt and can be
/// retried; a forward-only stream is sent once and the call is never retried.
/// </summary>
public sealed class StreamBody : RequestBody
{
    private readonly Stream _stream;
    private readonly long _start;
    private readonly string _contentType;
    private int _sent;

    /// <summary>Creates the body; the caller keeps ownership of the stream.</summary>
    public StreamBody(Stream stream, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : 0;
        _contentType = contentType;
    }

    /// <inheritdoc />
    public override bool IsReplayable => _stream.CanSeek;

    /// <inheritdoc />
    public override string ContentType => _contentType;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A forward-only stream was already sent.</exception>
    public override HttpContent CreateContent()
    {
        if (_stream.CanSeek)
        {
            _stream.Position = _start;
        }
        else if (Interlocked.Exchange(ref _sent, 1) == 1)
        {
            throw new InvalidOperationException("A forward-only stream body can be sent only once.");
        }

        var content = new StreamContent(new NonDisposingStream(_stream));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        return content;
    }

    /// <summary>Keeps the caller's stream open when the per-attempt content is disposed.</summary>
    private sealed class NonDisposingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
