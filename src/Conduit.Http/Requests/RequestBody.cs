namespace Conduit.Http;

/// <summary>
/// The body of an <see cref="ApiRequest"/>. A body creates fresh <see cref="HttpContent"/> for every attempt, so
/// retries re-send it intact; a body that cannot be replayed (<see cref="IsReplayable"/> false) is never retried.
/// </summary>
public abstract class RequestBody
{
    /// <summary>Whether the body can be sent more than once.</summary>
    public virtual bool IsReplayable => true;

    /// <summary>The media type of the body, e.g. <c>application/json</c>.</summary>
    public abstract string ContentType { get; }

    /// <summary>Creates the content for one attempt.</summary>
    public abstract HttpContent CreateContent();

    /// <summary>The body bytes for redacted debug logging, when they are cheap to get; else empty.</summary>
    internal virtual ReadOnlyMemory<byte> LoggableBytes => ReadOnlyMemory<byte>.Empty;
}
