using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conduit.Http.Telemetry;

namespace Conduit.Integrations.Metrics;

/// <summary>
/// Listens to the instruments of one <c>Conduit.Http</c> meter instance (the one the manager's clients report to) and
/// folds each measurement into the totals of the integration named by its <c>conduit.client</c> tag. This is the only
/// source of per-integration metrics: nothing else counts calls.
/// </summary>
internal sealed class IntegrationMetricsCollector : IDisposable
{
    private readonly ConcurrentDictionary<string, IntegrationMetricsAccumulator> _integrations = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly Meter _meter;
    private readonly TimeProvider _timeProvider;

    public IntegrationMetricsCollector(Meter meter, TimeProvider timeProvider)
    {
        _meter = meter;
        _timeProvider = timeProvider;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter) && instrument.Name is ConduitHttpTelemetry.RequestsInstrument
                or ConduitHttpTelemetry.RetriesInstrument or ConduitHttpTelemetry.DurationInstrument or ConduitHttpTelemetry.RateLimitWaitsInstrument)
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (instrument, value, tags, state) => ((IntegrationMetricsCollector)state!).OnLong(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>(static (instrument, value, tags, state) => ((IntegrationMetricsCollector)state!).OnDouble(value, tags));
        _listener.Start();
    }

    public void Track(string name) => _integrations.TryAdd(name, new IntegrationMetricsAccumulator());

    public void Untrack(string name) => _integrations.TryRemove(name, out _);

    public IntegrationMetrics Get(string name) => _integrations.TryGetValue(name, out var totals) ? totals.Snapshot() : IntegrationMetrics.Empty;

    public void Reset(string name)
    {
        if (_integrations.TryGetValue(name, out var totals))
        {
            totals.Reset();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? client = null;
        string? errorType = null;
        var status = 0;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case ConduitHttpTelemetry.ClientTag:
                    client = tag.Value as string;
                    break;
                case ConduitHttpTelemetry.ErrorTypeTag:
                    errorType = tag.Value as string;
                    break;
                case ConduitHttpTelemetry.StatusCodeTag when tag.Value is int code:
                    status = code;
                    break;
            }
        }

        if (client is null || !_integrations.TryGetValue(client, out var totals))
        {
            return;
        }

        for (var i = 0; i < value; i++)
        {
            switch (instrument.Name)
            {
                case ConduitHttpTelemetry.RequestsInstrument:
                    totals.RecordRequest(errorType is not null || status >= 400, errorType, _timeProvider.GetUtcNow());
                    break;
                case ConduitHttpTelemetry.RetriesInstrument:
                    totals.RecordRetry();
                    break;
                case ConduitHttpTelemetry.RateLimitWaitsInstrument:
                    totals.RecordWait();
                    break;
            }
        }
    }

    private void OnDouble(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == ConduitHttpTelemetry.ClientTag && tag.Value is string client && _integrations.TryGetValue(client, out var totals))
            {
                totals.RecordDuration(value);
                return;
            }
        }
    }
}
