using Conduit.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conduit.Http.Tests.Infrastructure;

/// <summary>Collects every formatted log line (and exception text) at every level.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                line += " | " + string.Join("; ", properties.Select(p => $"{p.Key}={p.Value}"));
            }

            if (exception is not null)
            {
                line += " | " + exception;
            }

            owner._lines.Enqueue(SuiteSecretSink.Recorded("log", line));
        }
    }
}
