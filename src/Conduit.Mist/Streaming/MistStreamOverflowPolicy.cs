namespace Conduit.Mist.Streaming;

/// <summary>What a <see cref="MistStream"/> does when its event buffer is full because the consumer is slower than the stream.</summary>
public enum MistStreamOverflowPolicy
{
    /// <summary>
    /// Drop the oldest buffered item to make room (the default): the receive loop never waits, the newest events are
    /// kept, and every drop is counted (<see cref="MistStreamStatistics.EventsDropped"/>, <see cref="MistStreamTelemetry.EventsDroppedInstrument"/>).
    /// </summary>
    DropOldest,

    /// <summary>
    /// Back-pressure: the receive loop waits for room, so the socket is not read until the consumer catches up. Nothing
    /// is dropped by the client; the server may then drop frames on its side (Mist and the sandbox drop the oldest).
    /// </summary>
    Wait,
}
