using Microsoft.Extensions.Logging;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>
/// A logger factory that formats every message (and exception) at <see cref="LogLevel.Debug"/> and
/// above, counts the lines, and counts the lines that contain one of the secrets, without keeping
/// the text (a 10,000-call run logs too much to hold, and a leaked secret must not reach test output).
/// </summary>
internal sealed class SecretScanningLoggerFactory(params string[] secrets) : ILoggerFactory
{
    private long lines;
    private long leaks;
    private long warnings;

    public long Lines => Interlocked.Read(ref lines);

    public long Warnings => Interlocked.Read(ref warnings);

    /// <summary>Lines that contained a secret.</summary>
    public long Leaks => Interlocked.Read(ref leaks);

    public ILogger CreateLogger(string categoryName) => new ScanningLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Scan(LogLevel level, string text)
    {
        Interlocked.Increment(ref lines);
        if (level >= LogLevel.Warning)
        {
            Interlocked.Increment(ref warnings);
        }

        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref leaks);
                return;
            }
        }
    }

    private sealed class ScanningLogger(SecretScanningLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                text += " | " + string.Join("; ", properties.Select(p => $"{p.Key}={p.Value}"));
            }

            owner.Scan(logLevel, exception is null ? text : text + " | " + exception);
        }
    }
}
