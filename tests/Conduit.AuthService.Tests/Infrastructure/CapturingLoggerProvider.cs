using Conduit.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthService.Tests.Infrastructure;

/// <summary>One captured log line: category, event id, level, formatted message, structured values and exception.</summary>
public sealed record LogEntry(string Category, int EventId, LogLevel Level, string Message, string State, string? Exception)
{
    public override string ToString() => $"{Level} {Category} [{EventId}] {Message} | {State} | {Exception}";
}

/// <summary>Keeps every log line of every category at every level (Trace included).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public int Count(string category, int eventId) => _entries.Count(e => e.Category == category && e.EventId == eventId);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? string.Empty;
            var entry = new LogEntry(category, eventId.Id, logLevel, formatter(state, exception), values, exception?.ToString());
            SuiteSecretSink.Record("log", entry.ToString());
            entries.Enqueue(entry);
        }
    }
}
