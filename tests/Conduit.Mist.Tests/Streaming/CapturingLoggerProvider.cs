using Conduit.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Streaming;

/// <summary>A logger provider that keeps every formatted line (exception messages included).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Lines.Enqueue(SuiteSecretSink.Recorded("log", $"{category} {logLevel} {formatter(state, exception)} {exception}"));
    }
}
