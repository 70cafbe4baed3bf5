using Conduit.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>A logger factory that keeps every formatted line (with exceptions) so tests can look for secrets.</summary>
internal sealed class CredentialLogCapture : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string AllText => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CredentialLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Lines.Enqueue(SuiteSecretSink.Recorded("log", $"{logLevel} {category} {formatter(state, exception)} {structured} {exception}"));
        }
    }
}
