using System.Net.Http.Headers;

namespace Conduit.Http;

/// <summary>A <c>multipart/form-data</c> body of text fields and files.</summary>
public sealed class MultipartBody : RequestBody
{
    private readonly List<Part> _parts = [];

    /// <inheritdoc />
    public override string ContentType => "multipart/form-data";

    /// <inheritdoc />
    public override bool IsReplayable => _parts.TrueForAll(static p => p.Body.IsReplayable);

    /// <summary>Adds a text field.</summary>
    public MultipartBody AddField(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _parts.Add(new Part(name, null, new BytesBody(System.Text.Encoding.UTF8.GetBytes(value), "text/plain; charset=utf-8")));
        return this;
    }

    /// <summary>Adds a file from bytes.</summary>
    public MultipartBody AddFile(string name, string fileName, ReadOnlyMemory<byte> bytes, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        _parts.Add(new Part(name, fileName, new BytesBody(bytes, contentType)));
        return this;
    }

    /// <summary>Adds a file from a stream (the call is retried only if the stream can seek).</summary>
    public MultipartBody AddFile(string name, string fileName, Stream stream, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        _parts.Add(new Part(name, fileName, new StreamBody(stream, contentType)));
        return this;
    }

    /// <inheritdoc />
    public override HttpContent CreateContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var part in _parts)
        {
            var partContent = part.Body.CreateContent();
            var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(part.Name) };
            if (part.FileName is not null)
            {
                disposition.FileName = Quote(part.FileName);
            }

            partContent.Headers.ContentDisposition = disposition;
            content.Add(partContent);
        }

        return content;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed record Part(string Name, string? FileName, RequestBody Body);
}
