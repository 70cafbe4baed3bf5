using System.Text;

namespace Conduit.Http.Pipeline;

/// <summary>Joins the base URL, a request path and query parameters into one escaped URL.</summary>
internal sealed class RequestUriBuilder
{
    private readonly string? _base;

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

        var query = request.Query;
        if (query.Count == 0)
        {
            return new Uri(url, UriKind.Absolute);
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
