using System.Diagnostics.Metrics;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Http.Telemetry;
using Microsoft.Extensions.Logging;

namespace Conduit.Bench.Load.Clients;

/// <summary>
/// Conduit with the whole pipeline on: API-key auth, retries, a client-side token bucket too large to bind,
/// a listener recording every metric, a logger enabled at Information (so each call is logged with its redacted
/// URL), total and attempt timeouts.
/// </summary>
internal sealed class ConduitLoad : ILoadClient
{
    private readonly ConduitClient _client;
    private readonly MeterListener _metrics = new();
    private readonly bool _synchronous;
    private long _measurements;

    public ConduitLoad(Uri baseAddress, bool synchronous)
    {
        _synchronous = synchronous;
        _metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConduitHttpTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _metrics.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _metrics.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _metrics.Start();
        _client = new ConduitClient(
            new ConduitClientOptions
            {
                Name = "bench",
                BaseAddress = baseAddress,
                Authentication = HeaderAuthentication.ApiKey("bench-api-key-0123456789"),
                RateLimit = new RateLimitOptions { RequestsPerWindow = 10_000_000, Window = TimeSpan.FromSeconds(1), Burst = 10_000_000 },
            },
            new CountingLoggerFactory());
    }

    public string Name => _synchronous ? "Conduit (sync API)" : "Conduit (full pipeline)";

    public bool IsSynchronous => _synchronous;

    public async ValueTask SendAsync(CancellationToken cancellationToken) => _ = await _client.GetAsync("json", cancellationToken).ConfigureAwait(false);

    public void Send(CancellationToken cancellationToken) => _ = _client.Get("json", cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        _metrics.Dispose();
    }

    /// <summary>A logger that is enabled at Information and above and counts what it receives without writing it.</summary>
    private sealed class CountingLoggerFactory : ILoggerFactory, ILogger
    {
        private long _lines;

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Interlocked.Increment(ref _lines);

        public void Dispose()
        {
        }
    }
}
