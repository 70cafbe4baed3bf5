using System.Collections;
using System.Globalization;
using System.Net;

namespace Conduit.ConfigDocs;

/// <summary>
/// A property's value on a new instance, written for people: <c>30 s</c>, <c>infinite</c>, <c>[408, 429]</c>,
/// <c>TimeProvider.System</c>. Sets are sorted, so the text is the same in every process.
/// </summary>
internal static class DefaultValues
{
    /// <summary>The text of <paramref name="value"/>; nested options show as <c>new X()</c> (their own defaults are listed under X).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        TimeSpan span => Duration(span),
        Enum member => member.ToString(),
        Uri uri => uri.OriginalString,
        IPAddress address => address.ToString(),
        TimeProvider provider => ReferenceEquals(provider, TimeProvider.System) ? "TimeProvider.System" : provider.GetType().Name,
        Delegate => "a delegate",
        int.MaxValue => "int.MaxValue",
        long.MaxValue => "long.MaxValue",
        IFormattable number when value.GetType().IsPrimitive || value is decimal => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => Dictionary(dictionary),
        IEnumerable items => Sequence(items, IsSet(value.GetType())),
        _ when OptionsCatalog.IsOptionsType(value.GetType()) => $"new {value.GetType().Name}()",
        _ => Other(value),
    };

    private static string Duration(TimeSpan span)
    {
        if (span == Timeout.InfiniteTimeSpan)
        {
            return "infinite";
        }

        return span switch
        {
            { Ticks: 0 } => "0",
            _ when span.Ticks % TimeSpan.TicksPerDay == 0 => $"{span.Ticks / TimeSpan.TicksPerDay} d",
            _ when span.Ticks % TimeSpan.TicksPerHour == 0 => $"{span.Ticks / TimeSpan.TicksPerHour} h",
            _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => $"{span.Ticks / TimeSpan.TicksPerMinute} min",
            _ when span.Ticks % TimeSpan.TicksPerSecond == 0 => $"{span.Ticks / TimeSpan.TicksPerSecond} s",
            _ when span.Ticks % TimeSpan.TicksPerMillisecond == 0 => $"{span.Ticks / TimeSpan.TicksPerMillisecond} ms",
            _ => span.ToString("c", CultureInfo.InvariantCulture),
        };
    }

    private static string Dictionary(IDictionary dictionary)
    {
        var entries = dictionary.Keys.Cast<object>()
            .Select(key => $"{Format(key)}: {Format(dictionary[key])}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return entries.Count == 0 ? "empty" : "{" + string.Join(", ", entries) + "}";
    }

    private static string Sequence(IEnumerable items, bool sorted)
    {
        var values = items.Cast<object?>().ToList();
        if (values.Count == 0)
        {
            return "empty";
        }

        if (sorted)
        {
            values = values.TrueForAll(v => v is int or long)
                ? [.. values.OrderBy(v => Convert.ToInt64(v, CultureInfo.InvariantCulture))]
                : [.. values.OrderBy(Format, StringComparer.Ordinal)];
        }

        return "[" + string.Join(", ", values.Select(Format)) + "]";
    }

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));

    // A type that describes itself (a record, MistCloud) prints that; anything else shows its type name.
    private static string Other(object value)
    {
        var type = value.GetType();
        var ownToString = type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType != typeof(object);
        return ownToString ? value.ToString() ?? type.Name : type.Name;
    }
}
