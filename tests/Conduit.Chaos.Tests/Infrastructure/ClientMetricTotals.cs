using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conduit.Http.Telemetry;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>
/// Sums the <c>Conduit.Http</c> meter's measurements of one client (by its <c>conduit.client</c> tag),
/// so a run can check the telemetry against what it counted itself.
/// </summary>
internal sealed class ClientMetricTotals : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);
    private readonly string clientName;

    public ClientMetricTotals(string clientName)
    {
        this.clientName = clientName;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ConduitHttpTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument.Name, 1, tags));
        listener.Start();
    }

    /// <summary>The sum of a counter, or the number of recordings of a histogram.</summary>
    public long this[string instrument] => totals.GetValueOrDefault(instrument);

    public void Dispose() => listener.Dispose();

    private void Add(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == ConduitHttpTelemetry.ClientTag && Equals(tag.Value, clientName))
            {
                totals.AddOrUpdate(instrument, value, (_, sum) => sum + value);
                return;
            }
        }
    }
}
