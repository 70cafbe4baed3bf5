namespace Conduit.Mist.Streaming;

/// <summary>
/// The names the stream reports under; OpenTelemetry collects them with <c>.AddMeter(MistStreamTelemetry.MeterName)</c>.
/// </summary>
public static class MistStreamTelemetry
{
    /// <summary>The meter name: <c>Conduit.Mist</c>.</summary>
    public const string MeterName = "Conduit.Mist";

    /// <summary>Counter of data events received, tagged with <see cref="ConnectionTag"/>.</summary>
    public const string EventsInstrument = "conduit.mist.stream.events";

    /// <summary>Counter of buffered items dropped because the buffer was full (policy <see cref="MistStreamOverflowPolicy.DropOldest"/>).</summary>
    public const string EventsDroppedInstrument = "conduit.mist.stream.events.dropped";

    /// <summary>Counter of successful handshakes, tagged with <see cref="ReconnectTag"/>.</summary>
    public const string ConnectionsInstrument = "conduit.mist.stream.connections";

    /// <summary>Counter of errors, tagged with <see cref="ErrorKindTag"/> (a <see cref="MistStreamErrorKind"/> name).</summary>
    public const string ErrorsInstrument = "conduit.mist.stream.errors";

    /// <summary>Tag: the connection index.</summary>
    public const string ConnectionTag = "conduit.mist.stream.connection";

    /// <summary>Tag: whether a handshake reopened a lost connection.</summary>
    public const string ReconnectTag = "conduit.mist.stream.reconnect";

    /// <summary>Tag: the kind of error.</summary>
    public const string ErrorKindTag = "error.type";
}
