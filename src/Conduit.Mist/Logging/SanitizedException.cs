namespace Conduit.Mist.Logging;

/// <summary>Stands in for a logged exception: same type name and stack trace, message sanitized.</summary>
public sealed class SanitizedException : Exception
{
    private readonly string? stackTrace;

    /// <summary>Wraps <paramref name="original"/>, sanitizing its message and its inner exceptions' messages.</summary>
    /// <param name="original">The exception being logged.</param>
    /// <param name="sanitizer">The sanitizer.</param>
    public SanitizedException(Exception original, MistLogSanitizer sanitizer)
        : base(
            $"{original?.GetType().FullName}: {sanitizer?.Sanitize(original?.Message)}",
            original?.InnerException is { } inner && sanitizer is not null ? new SanitizedException(inner, sanitizer) : null)
    {
        ArgumentNullException.ThrowIfNull(original);
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        stackTrace = original.StackTrace;
    }

    /// <summary>The full name of the original exception's type.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => stackTrace;
}
