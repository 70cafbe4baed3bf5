using System.Globalization;

namespace Conduit.Http;

/// <summary>Formats values for query strings and paths: invariant culture, <c>true</c>/<c>false</c>, ISO 8601 dates.</summary>
public static class QueryValue
{
    /// <summary>Formats a value the way APIs expect it on the wire.</summary>
    public static string Format<T>(T value)
        where T : struct => value switch
        {
            bool b => b ? "true" : "false",
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            Guid g => g.ToString("D"),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

    /// <summary>Formats a boxed value; see <see cref="Format{T}"/>.</summary>
    public static string FormatObject(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
