using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Conduit.Integrations.Configuration;

/// <summary>
/// Reads typed values from one configuration section, recording a message that names the integration and the field for
/// every value that does not parse, and for every key that is not a known field.
/// </summary>
internal sealed class ConfigurationSectionReader(IConfigurationSection section, string label, string path, List<string> errors)
{
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public IConfigurationSection Section => section;

    public bool Has(string key) => Child(key) is not null;

    public string? String(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return null;
        }

        if (child.Value is null && child.GetChildren().Any())
        {
            Error(key, "must be a single value, not an object or a list.");
            return null;
        }

        return string.IsNullOrEmpty(child.Value) ? null : child.Value;
    }

    public int? Int(string key) => Parse<int>(key, "a whole number", static v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null);

    public double? Double(string key) => Parse<double>(key, "a number", static v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null);

    public bool? Bool(string key) => Parse<bool>(key, "true or false", static v => bool.TryParse(v, out var b) ? b : null);

    public TimeSpan? Duration(string key) => Parse(key, "a duration (seconds as a number, '500ms', '30s', '5m', '1h' or 'hh:mm:ss')", ParseDuration);

    public Uri? AbsoluteUri(string key) => ParseRef(key, "an absolute URL", static v => Uri.TryCreate(v, UriKind.Absolute, out var u) ? u : null);

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(Normalise(text), out var value))
        {
            return value;
        }

        Error(key, $"must be one of {string.Join(", ", names.Keys.Select(static k => "'" + k + "'"))}, but was '{text}'.");
        return null;
    }

    public List<string>? StringList(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return null;
        }

        if (child.Value is { Length: > 0 } single)
        {
            // "a b c" or "a,b,c" as one value.
            return [.. single.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return [.. child.GetChildren().OrderBy(static c => c.Key, IndexOrder.Instance).Select(static c => c.Value).OfType<string>()];
    }

    public List<int>? IntList(string key)
    {
        var items = StringList(key);
        if (items is null)
        {
            return null;
        }

        var result = new List<int>(items.Count);
        foreach (var item in items)
        {
            if (int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                result.Add(n);
            }
            else
            {
                Error(key, $"must be a list of whole numbers, but contains '{item}'.");
                return null;
            }
        }

        return result;
    }

    public Dictionary<string, string>? Map(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in child.GetChildren())
        {
            if (entry.Value is null && entry.GetChildren().Any())
            {
                Error($"{key}.{entry.Key}", "must be a single value.");
                continue;
            }

            map[entry.Key] = entry.Value ?? string.Empty;
        }

        return map;
    }

    public ConfigurationSectionReader? Nested(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            return null;
        }

        if (child.Value is { Length: > 0 })
        {
            Error(key, "must be an object.");
            return null;
        }

        return new ConfigurationSectionReader(child, label, FieldPath(key), errors);
    }

    /// <summary>Reports every key of the section that was never asked for.</summary>
    public void ReportUnknownFields()
    {
        foreach (var child in section.GetChildren())
        {
            if (!_known.Contains(child.Key))
            {
                errors.Add($"{label}: {FieldPath(child.Key)} is not a known field.");
            }
        }
    }

    public void Error(string key, string message) => errors.Add($"{label}: {FieldPath(key)} {message}");

    internal static string Normalise(string text) => text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    internal static TimeSpan? ParseDuration(string text)
    {
        var t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds);
        }

        (string Suffix, double Scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, scale) in units)
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                // Range-check after applying the unit: "1e10h" is finite but far past TimeSpan.MaxValue.
                return FromSeconds(n * scale);
            }
        }

        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    /// <summary>A duration of <paramref name="seconds"/>, or null when it is not finite or does not fit a <see cref="TimeSpan"/>.</summary>
    private static TimeSpan? FromSeconds(double seconds)
    {
        if (!double.IsFinite(seconds) || Math.Abs(seconds) >= TimeSpan.MaxValue.TotalSeconds)
        {
            return null;
        }

        try
        {
            return TimeSpan.FromSeconds(seconds);
        }
        catch (OverflowException)
        {
            // Just below the limit, rounding to ticks can still overflow.
            return null;
        }
    }

    private T? Parse<T>(string key, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(key, $"must be {expected}, but was '{text}'.");
        }

        return value;
    }

    private T? ParseRef<T>(string key, string expected, Func<string, T?> parse)
        where T : class
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(key, $"must be {expected}, but was '{text}'.");
        }

        return value;
    }

    private IConfigurationSection? Child(string key)
    {
        _known.Add(key);
        var child = section.GetSection(key);
        return child.Value is null && !child.GetChildren().Any() ? null : child;
    }

    private string FieldPath(string key) => path.Length == 0 ? key : path + "." + key;

    private sealed class IndexOrder : IComparer<string>
    {
        public static readonly IndexOrder Instance = new();

        public int Compare(string? x, string? y) =>
            int.TryParse(x, out var a) && int.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }
}
