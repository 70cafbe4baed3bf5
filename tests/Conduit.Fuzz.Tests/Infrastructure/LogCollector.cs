using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conduit.Fuzz.Tests.Infrastructure;

/// <summary>Collects the warnings and errors a server logs (message and exception type), to explain a 5xx.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : $" [{exception.GetType().Name}: {exception.Message}] {exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}")}");
            }
        }
    }
}
