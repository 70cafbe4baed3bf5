using System.Net.WebSockets;

namespace Conduit.Mist.Streaming;

/// <summary>A connection of the stream closed (passed to <see cref="MistStream.OnClose(Action{MistStreamClosed})"/>).</summary>
/// <param name="Connection">The connection's index.</param>
/// <param name="Status">The close status the server sent (1000 after a clean close), or null when the connection broke without one.</param>
/// <param name="Description">The server's close description, or the reason it broke.</param>
/// <param name="WillReconnect">Whether the stream reopens this connection.</param>
public readonly record struct MistStreamClosed(int Connection, WebSocketCloseStatus? Status, string? Description, bool WillReconnect);
