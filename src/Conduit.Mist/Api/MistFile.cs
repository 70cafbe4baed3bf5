using Conduit.Http;

namespace Conduit.Mist.Api;

/// <summary>A file sent as one part of a multipart upload (map images, CSV imports, portal images…).</summary>
public sealed class MistFile
{
    private readonly ReadOnlyMemory<byte> bytes;
    private readonly Stream? stream;

    /// <summary>A file from bytes.</summary>
    /// <param name="fileName">The file name sent to the service.</param>
    /// <param name="content">The file's content.</param>
    /// <param name="contentType">The media type of the content.</param>
    public MistFile(string fileName, ReadOnlyMemory<byte> content, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        FileName = fileName;
        ContentType = contentType;
        bytes = content;
    }

    /// <summary>A file from a stream (a call with a stream that cannot seek is not retried).</summary>
    /// <param name="fileName">The file name sent to the service.</param>
    /// <param name="content">The stream to read; the caller keeps ownership.</param>
    /// <param name="contentType">The media type of the content.</param>
    public MistFile(string fileName, Stream content, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        FileName = fileName;
        ContentType = contentType;
        stream = content;
    }

    /// <summary>The file name sent to the service.</summary>
    public string FileName { get; }

    /// <summary>The media type of the content.</summary>
    public string ContentType { get; }

    /// <summary>Reads a file from disk into memory (so the upload can be retried).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The media type of the content.</param>
    public static MistFile FromPath(string path, string contentType = "application/octet-stream")
        => new(Path.GetFileName(path), File.ReadAllBytes(path), contentType);

    /// <summary>Adds this file to <paramref name="form"/> as the part named <paramref name="name"/>.</summary>
    internal void AddTo(MultipartBody form, string name)
    {
        if (stream is not null)
        {
            form.AddFile(name, FileName, stream, ContentType);
        }
        else
        {
            form.AddFile(name, FileName, bytes, ContentType);
        }
    }
}
