using System.IO.Compression;
using System.Net;

namespace Conduit.Http.Transport;

/// <summary>
/// The client's own response decompression (<see cref="ConduitClientOptions.Decompression"/>): the value of the
/// <c>Accept-Encoding</c> header it sends, and the decoding stream for a response that declares a
/// <c>Content-Encoding</c> it asked for.
/// </summary>
/// <remarks>
/// The socket handler's automatic decompression is left off: it parses and adds <c>Accept-Encoding</c> values and
/// inspects every response's content headers, a few microseconds and about 700 bytes per call, although most API
/// responses are small and not compressed. Here the header is one preformatted string and a response costs one header
/// lookup unless it is compressed. A decoded body is read to its end like a body of unknown length, so its decoded size
/// counts against <see cref="ConduitClientOptions.MaxResponseBodySize"/> (a small compressed body cannot expand without
/// bound).
/// </remarks>
internal sealed class ContentDecoding
{
    private const string ContentEncodingHeader = "Content-Encoding";

    private readonly DecompressionMethods _methods;

    private ContentDecoding(DecompressionMethods methods, string acceptEncoding)
    {
        _methods = methods;
        AcceptEncoding = acceptEncoding;
    }

    /// <summary>The <c>Accept-Encoding</c> request header value, for example <c>gzip, deflate, br</c>.</summary>
    public string AcceptEncoding { get; }

    /// <summary>The decoding for <paramref name="methods"/>; <see langword="null"/> when they name none the client decodes.</summary>
    public static ContentDecoding? For(DecompressionMethods methods)
    {
        var names = new List<string>(3);
        if (methods.HasFlag(DecompressionMethods.GZip))
        {
            names.Add("gzip");
        }

        if (methods.HasFlag(DecompressionMethods.Deflate))
        {
            names.Add("deflate");
        }

        if (methods.HasFlag(DecompressionMethods.Brotli))
        {
            names.Add("br");
        }

        return names.Count == 0 ? null : new ContentDecoding(methods, string.Join(", ", names));
    }

    /// <summary>
    /// Wraps <paramref name="body"/> in a decoding stream when the response declares one encoding the client decodes;
    /// otherwise returns <see langword="null"/> (no encoding, <c>identity</c>, a list of encodings, or one not asked
    /// for: the body is handed over as it came, as <see cref="HttpClient"/> does). Call <see cref="MarkDecoded"/> once
    /// the decoded body has been read.
    /// </summary>
    public Stream? TryDecode(HttpResponseMessage response, Stream body)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues(ContentEncodingHeader, out var values) || values.Count != 1)
        {
            return null;
        }

        var encoding = values.ToString().Trim();
        Stream? decoded = encoding switch
        {
            _ when Is(encoding, "gzip") || Is(encoding, "x-gzip") => _methods.HasFlag(DecompressionMethods.GZip) ? new GZipStream(body, CompressionMode.Decompress) : null,
            // "deflate" is the zlib format (RFC 9110 §8.4.1.2); ZLibStream reads it.
            _ when Is(encoding, "deflate") => _methods.HasFlag(DecompressionMethods.Deflate) ? new ZLibStream(body, CompressionMode.Decompress) : null,
            _ when Is(encoding, "br") => _methods.HasFlag(DecompressionMethods.Brotli) ? new BrotliStream(body, CompressionMode.Decompress) : null,
            _ => null,
        };
        return decoded;
    }

    /// <summary>
    /// After a body was decoded: removes <c>Content-Encoding</c> and <c>Content-Length</c> so that the content headers
    /// describe the decoded body, as <see cref="HttpClient"/>'s decompression does.
    /// </summary>
    public static void MarkDecoded(HttpResponseMessage response)
    {
        response.Content.Headers.Remove(ContentEncodingHeader);
        response.Content.Headers.ContentLength = null;
    }

    private static bool Is(string value, string encoding) => string.Equals(value, encoding, StringComparison.OrdinalIgnoreCase);
}
