using System.Globalization;
using System.Text;
using Conduit.Fuzz.Tests.Infrastructure;
using CsCheck;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>Building blocks for random requests, shared by the sandbox and auth server runs.</summary>
internal static class RequestGen
{
    /// <summary>Methods: the usual ones, lower case, WebDAV, made-up tokens and very long ones (CONNECT is sent raw: HttpClient
    /// gives it proxy semantics).</summary>
    public static readonly Gen<string> OddMethod = Gen.Frequency(
        (3, Gen.OneOf("get", "Post", "PROPFIND", "MKCOL", "BREW", "TRACE", "OPTIONS", "HEAD", "PATCH", "QUERY", "LINK", "M-SEARCH", "X")),
        (1, Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~"], 1, 300]));

    /// <summary>A path segment: random text escaped, numbers, UUIDs, dots and encoded slashes.</summary>
    public static readonly Gen<string> Segment = Gen.Frequency(
        (4, FuzzGen.Text(1, 12).Select(static s => Uri.EscapeDataString(s))),
        (2, Gen.Guid.Select(static g => g.ToString())),
        (1, Gen.Long.Select(static n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("..", ".", "%2e%2e", "%2F", "%00", "%ff", "%C3%28", "%", "%zz", "null", "undefined", "-1", "00000000-0000-0000-0000-000000000000",
            "5c5b350e-0001-4f4f-ab2f-0123456789ab", "aa:bb:cc:dd:ee:ff", "5c5b350e0001", new string('a', 5000))));

    /// <summary>A query value: text, numbers at the edges, booleans, lists, and nothing.</summary>
    public static readonly Gen<string> QueryValue = Gen.Frequency(
        (3, FuzzGen.Text(0, 12).Select(static s => Uri.EscapeDataString(s))),
        (3, FuzzGen.NumberText.Select(static s => Uri.EscapeDataString(s))),
        (1, Gen.OneOf("true", "false", "TRUE", "1", "0", "", "a,b,c", "1,2,x", "%", "%zz", "%ff%fe", "+", "%00")));

    /// <summary>Headers: random names and values, plus the ones servers parse (Content-Length excluded: HttpClient sets it).</summary>
    public static readonly Gen<(string, string)[]> Headers = Gen.Select(
        Gen.Frequency(
            (2, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_"], 1, 30].Select(static s => "X-" + s)),
            (2, Gen.OneOf("Accept", "Accept-Encoding", "Accept-Language", "Cookie", "X-CSRFToken", "If-None-Match", "If-Modified-Since", "Range", "Origin",
                "Referer", "User-Agent", "X-Forwarded-For", "X-Request-Id", "Expect", "Upgrade", "Content-Encoding", "Transfer-Encoding", "Forwarded"))),
        Gen.Frequency(
            (3, Gen.String[Gen.Char[' ', '~'], 0, 60]),
            (1, Gen.String[Gen.Char['\u0080', '\u00ff'], 1, 10]),
            (1, Gen.OneOf("*/*;q=abc", "gzip;q=2", "bytes=-5-", "bytes=9999999999999999999-", "100-continue", "websocket", "h2c", "csrftoken=", "a=b; c",
                "chunked", "gzip, chunked", "Wed, 99 Foo 2015 99:99:99 GMT", "\"unterminated", "1.1.1.1, garbage", new string('x', 8000)))))
        .Array[0, 6];

    /// <summary>Bodies: random JSON, malformed JSON, invalid UTF-8, random bytes and form data.</summary>
    public static Gen<byte[]> Body(Gen<string> fieldNames) => Gen.Frequency(
        (4, FuzzGen.Json(4, fieldNames).Select(static n => Encoding.UTF8.GetBytes(n?.ToJsonString() ?? "null"))),
        (2, Gen.OneOf("{", "{\"a\":", "[1,2", "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "{\"a\":1e999999}", "\ufeff{}", "{}{}", "null", "\"x\"", "[]", "",
            "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u00zz\"}", "{\"a\":\"\u0000\"}").Select(static s => Encoding.UTF8.GetBytes(s))),
        (1, Gen.Int[1, 3000].Select(static n => Encoding.UTF8.GetBytes(new string('[', n) + new string(']', n)))),
        (2, FuzzGen.InvalidUtf8),
        (1, Gen.Byte.Array[0, 2000]),
        (1, Gen.Select(fieldNames, FuzzGen.Text(0, 10)).Array[0, 4].Select(static p => Encoding.UTF8.GetBytes(string.Join('&', p.Select(x => Uri.EscapeDataString(x.Item1) + "=" + Uri.EscapeDataString(x.Item2)))))));

    /// <summary>Content types: JSON in its forms, others, broken ones, none.</summary>
    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (5, Gen.Const<string?>("application/json")),
        (3, Gen.OneOf<string?>("application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=bogus", "application/vnd.api+json", "text/json",
            "application/xml", "application/octet-stream", "*/*", ";", "application/json;;;", "APPLICATION/JSON", null)));

    /// <summary>Malformed HTTP/1.1 written straight to the socket; each ends its head so the server can answer.</summary>
    public static readonly Gen<byte[]> MalformedHttp = Gen.Frequency(
        (3, Gen.OneOf(
            "GET /api/v1/self HTTP/1.1\r\n\r\n",
            "CONNECT /api/v1/self HTTP/1.1\r\nHost: x\r\n\r\n",
            "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n",
            "GET /api/v1/self HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET /api/v1/self HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET /api/v1/self\r\nHost: x\r\n\r\n",
            "GET  /api/v1/self  HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/%zz%%/self HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/\u00ff\u00fe HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET api/v1/self HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET http://other.invalid/api/v1/self HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/self HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n",
            "GET /api/v1/self HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
            "GET /api/v1/self HTTP/1.1\r\nHost: x\r\n: empty\r\n\r\n",
            "GET /api/v1/self HTTP/1.1\r\nHost: x\r\nX-Fold: a\r\n continued\r\n\r\n",
            "GET /api/v1/self HTTP/1.1\nHost: x\n\n",
            "GET /api/v1/self HTTP/1.1\r\nHost: x\r\nX: \u0000\u0001\r\n\r\n",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n0\r\n\r\n",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
            "POST /api/v1/self HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n\r\n",
            "G\u0000T / HTTP/1.1\r\n\r\n").Select(static s => Encoding.Latin1.GetBytes(s))),
        // Leading empty lines are skipped by HTTP/1.1 servers (RFC 9112 §2.2), so a request needs something else to be one.
        (1, Gen.String[Gen.Char['\u0000', '\u00ff'], 1, 200].Where(static s => s.Trim('\r', '\n').Length > 0).Select(static s => Encoding.Latin1.GetBytes(s + "\r\n\r\n"))),
        (1, Gen.Int[9000, 70_000].Select(static n => Encoding.Latin1.GetBytes("GET /" + new string('a', n) + " HTTP/1.1\r\nHost: x\r\n\r\n"))),
        (1, Gen.Int[40_000, 70_000].Select(static n => Encoding.Latin1.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('b', n) + "\r\n\r\n"))));

    /// <summary>Makes sure a path cannot turn into an authority ("//host") when resolved against the server's origin.</summary>
    public static string SafePath(string path) => path.StartsWith("//", StringComparison.Ordinal) ? "/x" + path : path.StartsWith('/') ? path : "/" + path;
}
