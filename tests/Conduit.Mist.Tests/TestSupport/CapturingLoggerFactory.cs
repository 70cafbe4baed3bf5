using Conduit.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.TestSupport;

/// <summary>Captures every log entry at every level: the formatted message, each structured value and the exception text.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>Asserts that no captured line contains any of <paramref name="secrets"/>.</summary>
    public void AssertNoSecret(params string[] secrets)
    {
        Assert.NotEmpty(Lines);
        foreach (var line in Lines)
        {
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    private sealed class Capturing(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Lines.Enqueue(SuiteSecretSink.Recorded("log", $"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} | {values} | {exception}"));
        }
    }
}
