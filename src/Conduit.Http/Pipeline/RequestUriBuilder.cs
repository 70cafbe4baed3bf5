using System.Collections.Concurrent;
using System.Text;

namespace Conduit.Http.Pipeline;

/// <summary>
/// Joins the base URL, a request path and query parameters into one escaped URL. The URLs of paths without a query are
/// kept (the first <see cref="MaxCached"/> distinct ones): a client calls the same few paths again and again, and a
/// <see cref="Uri"/> (immutable, safe to share) costs a parse and some 200 bytes to build, and more for the handler to
/// take apart each time if it were new.
/// </summary>
internal sealed class RequestUriBuilder
{
    /// <summary>How many distinct query-less URLs are kept; paths beyond that (say, one per item id) are built per call.</summary>
    internal const int MaxCached = 256;

    // Stand-ins for escaped dot segments while the rest of a URL is normalised (see CreateUri).
    private const string DotSentinel = "conduit-escaped-dot-3f9c1e";
    private const string DotDotSentinel = "conduit-escaped-dotdot-3f9c1e";

    private readonly string? _base;
    private readonly ConcurrentDictionary<string, Uri> _cache = new(StringComparer.Ordinal);
    private int _cached;

    public RequestUriBuilder(Uri? baseAddress)
    {
        if (baseAddress is not null)
        {
            var text = baseAddress.AbsoluteUri;
            var query = text.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                text = text[..query];
            }

            _base = text.EndsWith('/') ? text : text + "/";
        }
    }

    public Uri Build(ApiRequest request)
    {
        var path = request.Path;
        var query = request.Query;
        if (query.Count == 0 && _cache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        string url;
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            url = path;
        }
        else if (_base is null)
        {
            throw new InvalidOperationException($"The request path '{path}' is relative but the client has no BaseAddress.");
        }
        else
        {
            url = string.Concat(_base, path.AsSpan().TrimStart('/'));
        }

        if (query.Count == 0)
        {
            var uri = CreateUri(url);
            if (Volatile.Read(ref _cached) < MaxCached && _cache.TryAdd(path, uri))
            {
                Interlocked.Increment(ref _cached);
            }

            return uri;
        }

        var builder = new StringBuilder(url, url.Length + (query.Count * 24));
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return CreateUri(builder.ToString());
    }

    /// <summary>
    /// Parses an absolute URL. System.Uri unescapes <c>%2E</c> and then removes <c>.</c> and <c>..</c> segments, so an escaped
    /// dot segment (what <see cref="ApiRequest.FormatPath"/> makes of a <c>..</c> argument) would climb out of its place:
    /// such segments are kept as they are, and the rest of the URL is escaped and normalised as usual.
    /// </summary>
    internal static Uri CreateUri(string url)
    {
        if (url.Contains("%2E", StringComparison.OrdinalIgnoreCase))
        {
            var end = url.AsSpan().IndexOfAny('?', '#');
            var pathEnd = end < 0 ? url.Length : end;
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            var pathStart = schemeEnd < 0 ? -1 : url.IndexOf('/', schemeEnd + 3);
            if (pathStart >= 0 && pathStart < pathEnd)
            {
                var segments = url[pathStart..pathEnd].Split('/');
                var found = false;
                for (var i = 0; i < segments.Length; i++)
                {
                    if (IsEscapedDotSegment(segments[i]))
                    {
                        segments[i] = Uri.UnescapeDataString(segments[i]) == "." ? DotSentinel : DotDotSentinel;
                        found = true;
                    }
                }

                if (found && !url.Contains(DotSentinel, StringComparison.Ordinal) && !url.Contains(DotDotSentinel, StringComparison.Ordinal))
                {
                    var normal = new Uri(string.Concat(url.AsSpan(0, pathStart), string.Join('/', segments), url.AsSpan(pathEnd)), UriKind.Absolute).AbsoluteUri;
                    normal = normal.Replace(DotDotSentinel, "%2E%2E", StringComparison.Ordinal).Replace(DotSentinel, "%2E", StringComparison.Ordinal);
                    return new Uri(normal, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
                }
            }
        }

        return new Uri(url, UriKind.Absolute);
    }

    /// <summary>Whether a path segment is <c>.</c> or <c>..</c> with at least one dot escaped.</summary>
    private static bool IsEscapedDotSegment(string segment) =>
        segment.Contains("%2E", StringComparison.OrdinalIgnoreCase)
        && Uri.UnescapeDataString(segment) is "." or "..";
}
