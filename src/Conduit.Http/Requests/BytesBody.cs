using System.Net.Http.Headers;

namespace Conduit.Http;

/// <summary>A body of raw bytes with a media type.</summary>
public sealed class BytesBody : RequestBody
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string _contentType;

    /// <summary>Creates the body.</summary>
    public BytesBody(ReadOnlyMemory<byte> bytes, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        _bytes = bytes;
        _contentType = contentType;
    }

    /// <inheritdoc />
    public override string ContentType => _contentType;

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        var content = new ReadOnlyMemoryContent(_bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        return content;
    }
}
