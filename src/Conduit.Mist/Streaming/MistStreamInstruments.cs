using System.Diagnostics.Metrics;

namespace Conduit.Mist.Streaming;

/// <summary>The stream's instruments on one meter.</summary>
internal sealed class MistStreamInstruments
{
    private MistStreamInstruments(Meter meter)
    {
        Events = meter.CreateCounter<long>(MistStreamTelemetry.EventsInstrument, "{event}", "Data events received on the Mist stream.");
        Dropped = meter.CreateCounter<long>(MistStreamTelemetry.EventsDroppedInstrument, "{event}", "Buffered stream items dropped because the consumer was slower.");
        Connections = meter.CreateCounter<long>(MistStreamTelemetry.ConnectionsInstrument, "{connection}", "Mist stream handshakes that succeeded.");
        Errors = meter.CreateCounter<long>(MistStreamTelemetry.ErrorsInstrument, "{error}", "Errors on the Mist stream.");
    }

    /// <summary>The instruments of the shared static meter, used when no <see cref="IMeterFactory"/> is given.</summary>
    public static MistStreamInstruments Shared { get; } = new(new Meter(MistStreamTelemetry.MeterName));

    public Counter<long> Events { get; }

    public Counter<long> Dropped { get; }

    public Counter<long> Connections { get; }

    public Counter<long> Errors { get; }

    public static MistStreamInstruments Create(IMeterFactory? meterFactory)
        => meterFactory is null ? Shared : new MistStreamInstruments(meterFactory.Create(MistStreamTelemetry.MeterName));
}
