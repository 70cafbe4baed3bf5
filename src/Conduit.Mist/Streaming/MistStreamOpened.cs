namespace Conduit.Mist.Streaming;

/// <summary>A connection of the stream opened (passed to <see cref="MistStream.OnOpen(Action{MistStreamOpened})"/>).</summary>
/// <param name="Connection">The connection's index (0 for the first).</param>
/// <param name="IsReconnect">Whether this reopens a connection that was lost.</param>
/// <param name="Channels">How many channels the connection subscribes to now.</param>
public readonly record struct MistStreamOpened(int Connection, bool IsReconnect, int Channels);
