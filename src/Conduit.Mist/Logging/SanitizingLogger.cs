using System.Collections;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Logging;

/// <summary>A logger that sanitizes the message, the structured values and the exception before passing them on.</summary>
internal sealed partial class SanitizingLogger(ILogger inner, MistLogSanitizer sanitizer) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var message = sanitizer.Sanitize(values is not null && Template(values) is { } template
            ? Holes().Replace(template, hole => Hole(values, hole.Groups["name"].Value, hole.Value))
            : formatter(state, exception));
        var sanitized = new SanitizedState(message, values, sanitizer);
        var cleanException = exception is null ? null : new SanitizedException(exception, sanitizer);
        inner.Log(logLevel, eventId, sanitized, cleanException, static (s, _) => s.Message);
    }

    private static string? Template(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        foreach (var (name, value) in values)
        {
            if (name == "{OriginalFormat}")
            {
                return value as string;
            }
        }

        return null;
    }

    /// <summary>The text of one template hole: its sanitized value, masked whole when the hole's name is sensitive.</summary>
    private string Hole(IReadOnlyList<KeyValuePair<string, object?>> values, string name, string original)
    {
        foreach (var (key, value) in values)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return sanitizer.IsSensitive(name) ? Conduit.Http.Redaction.RedactionOptions.Mask
                    : sanitizer.Sanitize(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "(null)");
            }
        }

        return original;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(?<name>[A-Za-z0-9_@.]+)(?:[,:][^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Holes();

    /// <summary>The sanitized entry: the message, and each structured value masked by name or sanitized as text.</summary>
    private sealed class SanitizedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values, MistLogSanitizer sanitizer)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values?.Count ?? 1;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                if (values is null)
                {
                    return new("{OriginalFormat}", Message);
                }

                var (name, value) = values[index];
                return name == "{OriginalFormat}" ? new(name, value)
                    : sanitizer.IsSensitive(name) ? new(name, Conduit.Http.Redaction.RedactionOptions.Mask)
                    : value is null or bool or int or long or double or decimal ? new(name, value)
                    : new(name, sanitizer.Sanitize(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
