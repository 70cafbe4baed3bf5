namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// One request sent to a server under test. <see cref="Route"/> names what was aimed at (a route template, never the
/// values), so reports and failure messages carry no tokens or passwords.
/// </summary>
/// <param name="Class">The request class the report counts.</param>
/// <param name="Route">The route template or a description of the path.</param>
/// <param name="Method">The HTTP method (any token).</param>
/// <param name="PathAndQuery">The path and query as sent, already escaped.</param>
/// <param name="Headers">Extra headers.</param>
/// <param name="Body">The body, if any.</param>
/// <param name="ContentType">The body's Content-Type, if any.</param>
/// <param name="Chunked">Whether the body is sent without Content-Length.</param>
/// <param name="Raw">Bytes written straight to the socket instead (malformed HTTP), when set.</param>
public sealed record FuzzRequest(
    string Class,
    string Route,
    string Method,
    string PathAndQuery,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body,
    string? ContentType,
    bool Chunked,
    byte[]? Raw = null)
{
    public override string ToString() => Raw is null
        ? $"[{Class}] {Method} {Route}{(Body is null ? string.Empty : $" ({Body.Length} bytes, {ContentType ?? "no Content-Type"}{(Chunked ? ", chunked" : string.Empty)})")}"
        : $"[{Class}] raw {Raw.Length} bytes: {Infrastructure.FuzzGen.Show(System.Text.Encoding.Latin1.GetString(Raw, 0, Math.Min(60, Raw.Length)))}";
}
