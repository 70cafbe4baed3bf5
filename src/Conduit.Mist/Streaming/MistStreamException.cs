using System.Net;

namespace Conduit.Mist.Streaming;

/// <summary>
/// A problem on the Mist stream, reported through <see cref="MistStream.OnError(Action{MistStreamException})"/>, and
/// thrown by <see cref="MistStream.StartAsync"/>, <see cref="MistStream.RunAsync"/> and <see cref="MistStream.ReadAllAsync"/>
/// when the stream stops because of it. Messages never contain credentials.
/// </summary>
public sealed class MistStreamException : Exception
{
    /// <summary>Creates an exception.</summary>
    public MistStreamException(MistStreamErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    /// <summary>Creates an exception of kind <see cref="MistStreamErrorKind.ConnectFailed"/>.</summary>
    public MistStreamException()
        : this(MistStreamErrorKind.ConnectFailed, "The Mist stream failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="MistStreamErrorKind.ConnectFailed"/>.</summary>
    public MistStreamException(string message)
        : this(MistStreamErrorKind.ConnectFailed, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="MistStreamErrorKind.ConnectFailed"/>.</summary>
    public MistStreamException(string message, Exception? innerException)
        : this(MistStreamErrorKind.ConnectFailed, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public MistStreamErrorKind Kind { get; }

    /// <summary>The channel concerned (subscription errors), or null.</summary>
    public string? Channel { get; init; }

    /// <summary>The server's <c>detail</c> (subscription failures, <c>error</c> frames), or null.</summary>
    public string? Detail { get; init; }

    /// <summary>The handshake's HTTP status (401, 403, 429, …), or null.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>How long the stream waits before its next attempt (<c>Retry-After</c> or backoff), or null when it does not retry.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The index of the connection concerned, or null.</summary>
    public int? Connection { get; init; }

    /// <summary>Whether the stream stopped because of this error.</summary>
    public bool IsFatal => Kind is MistStreamErrorKind.Unauthorized or MistStreamErrorKind.ReconnectAttemptsExhausted;
}
