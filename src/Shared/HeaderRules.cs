namespace Conduit;

/// <summary>
/// What a header name and value may hold on the wire (RFC 9110 §5.1, §5.5), checked before a request is built, and how
/// an invalid name is shown in an error. Compiled into each library that needs it
/// (<c>&lt;Compile Include="../Shared/HeaderRules.cs" /&gt;</c>), internal to each.
/// </summary>
internal static class HeaderRules
{
    /// <summary>Whether <paramref name="name"/> is an HTTP token (RFC 9110 §5.6.2), the grammar of header names.</summary>
    public static bool IsValidName(string? name) => !string.IsNullOrEmpty(name) && name.All(IsTokenChar);

    /// <summary>Whether <paramref name="value"/> can be sent as a header value: no line break or NUL (which would split or end the header).</summary>
    public static bool IsValidValue(string? value) => value is not null && !value.AsSpan().ContainsAny('\r', '\n', '\0');

    /// <summary>
    /// An invalid header name as an error message shows it: cut at the first ':' or white space, since a misplaced
    /// "Authorization: Bearer …" line would otherwise put its credential in the message.
    /// </summary>
    public static string ShowName(string? name)
    {
        if (name is null)
        {
            return "(null)";
        }

        var cut = name.AsSpan().IndexOfAny(": \t\r\n");
        return cut < 0 ? name : name[..cut] + "…";
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
