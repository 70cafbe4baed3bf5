namespace Conduit.Sandbox.Table;

/// <summary>Media-type rules shared by the table and the request pipeline.</summary>
internal static class TableMediaTypes
{
    /// <summary>Whether <paramref name="mediaType"/> carries JSON (<c>application/json</c>, <c>*/*+json</c>).</summary>
    public static bool IsJson(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
        {
            return false;
        }

        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        var bare = (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
