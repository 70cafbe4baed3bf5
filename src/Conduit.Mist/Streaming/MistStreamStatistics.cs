namespace Conduit.Mist.Streaming;

/// <summary>A snapshot of a <see cref="MistStream"/>'s counters (see also <see cref="MistStreamTelemetry"/>).</summary>
/// <param name="FramesReceived">Frames received on all connections (malformed ones included).</param>
/// <param name="EventsReceived">Data events received.</param>
/// <param name="EventsDropped">Items dropped because a buffer was full (<see cref="MistStreamOverflowPolicy.DropOldest"/>).</param>
/// <param name="MalformedFrames">Frames that could not be read.</param>
/// <param name="ConnectionsOpened">Successful handshakes.</param>
/// <param name="Reconnects">Handshakes that reopened a lost connection.</param>
/// <param name="OpenConnections">Connections open now.</param>
/// <param name="Channels">Channels the stream holds (requested and not refused).</param>
/// <param name="ActiveSubscriptions">Channels acknowledged on an open connection now.</param>
public readonly record struct MistStreamStatistics(
    long FramesReceived,
    long EventsReceived,
    long EventsDropped,
    long MalformedFrames,
    long ConnectionsOpened,
    long Reconnects,
    int OpenConnections,
    int Channels,
    int ActiveSubscriptions);
