namespace Conduit.Sandbox;

/// <summary>
/// When an HTTP fault strikes relative to the operation's handler, that is, before or after the
/// request changed the sandbox's state.
/// </summary>
public enum MistSandboxFaultPlacement
{
    /// <summary>
    /// Before routing and the handler (the default): an error, 429 or reset means the request was
    /// never applied; latency delays the handling.
    /// </summary>
    BeforeHandler,

    /// <summary>
    /// After the handler applied the request (and, with an <c>Idempotency-Key</c>, stored its answer):
    /// an error, 429 or reset replaces the real answer, and latency holds it back, so the client
    /// does not learn that the change was made, which is how retries produce duplicates. Body faults
    /// (slow, truncated, malformed) always strike after the handler, whatever their placement.
    /// </summary>
    AfterHandler,
}
