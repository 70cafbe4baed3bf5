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
            var uri = new Uri(url, UriKind.Absolute);
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

        return new Uri(builder.ToString(), UriKind.Absolute);
    }
}
