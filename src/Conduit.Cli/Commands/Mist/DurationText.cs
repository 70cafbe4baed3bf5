using System.Globalization;

namespace Conduit.Cli.Commands.Mist;

/// <summary>Reads durations as people type them: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1.5h</c>, plain seconds, or <c>hh:mm:ss</c>.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim().ToLowerInvariant();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 && value * unit <= TimeSpan.MaxValue.TotalSeconds / 2)
        {
            duration = TimeSpan.FromSeconds(value * unit);
            return true;
        }

        return text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration)
            && duration > TimeSpan.Zero;
    }
}
