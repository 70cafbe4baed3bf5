using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Logging;

/// <summary>
/// An <see cref="ILoggerFactory"/> whose loggers pass every message, every structured value and every exception
/// message through a <see cref="MistLogSanitizer"/> before the inner factory's providers see them
/// (seed 2's <c>LOGGER.addFilter(LogSanitizer())</c>).
/// </summary>
/// <example>
/// <code>
/// using var loggers = new SanitizingLoggerFactory(LoggerFactory.Create(b => b.AddConsole()));
/// var session = await MistSession.StartAsync(options, loggers);
/// </code>
/// </example>
public sealed class SanitizingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory inner;
    private readonly bool ownsInner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The factory whose providers receive sanitized entries.</param>
    /// <param name="sanitizer">The sanitizer; <see cref="MistLogSanitizer.Default"/> when null.</param>
    /// <param name="ownsInner">Whether disposing this factory disposes <paramref name="inner"/>.</param>
    public SanitizingLoggerFactory(ILoggerFactory inner, MistLogSanitizer? sanitizer = null, bool ownsInner = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
        this.ownsInner = ownsInner;
        Sanitizer = sanitizer ?? MistLogSanitizer.Default;
    }

    /// <summary>The sanitizer applied to every entry.</summary>
    public MistLogSanitizer Sanitizer { get; }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new SanitizingLogger(inner.CreateLogger(categoryName), Sanitizer);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
