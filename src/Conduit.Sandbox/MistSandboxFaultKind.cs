namespace Conduit.Sandbox;

/// <summary>The kinds of fault the sandbox can inject.</summary>
public enum MistSandboxFaultKind
{
    /// <summary>Answer with an error status (one of <see cref="MistSandboxFault.StatusCodes"/>) and a JSON <c>detail</c>.</summary>
    Error,

    /// <summary>Wait <see cref="MistSandboxFault.Delay"/> before handling the request.</summary>
    Latency,

    /// <summary>
    /// Answer 429 with the Mist quota body and <c>Retry-After</c> (<see cref="MistSandboxFault.Delay"/>
    /// rounded up to whole seconds, 0 allowed), for <see cref="MistSandboxFault.Count"/> requests.
    /// </summary>
    RateLimitBurst,

    /// <summary>Drop the connection without answering.</summary>
    ConnectionReset,

    /// <summary>Send the body in chunks of <see cref="MistSandboxFault.ChunkSize"/> bytes, pausing <see cref="MistSandboxFault.Delay"/> between them.</summary>
    SlowBody,

    /// <summary>Announce the whole body's length, send half of it, then drop the connection.</summary>
    TruncatedBody,

    /// <summary>Send a complete response whose JSON body is cut short, so it does not parse.</summary>
    MalformedJson,

    /// <summary>
    /// WebSocket stream: instead of sending the frame the rule hits, abort the connection (no close
    /// handshake), as a network drop would. Rules are checked for every frame the server sends.
    /// </summary>
    StreamDrop,

    /// <summary>
    /// WebSocket stream: hold the frame the rule hits, and every frame after it, for
    /// <see cref="MistSandboxFault.Delay"/>; frames made meanwhile wait in the bounded send queue.
    /// </summary>
    StreamStall,

    /// <summary>WebSocket stream: send the frame the rule hits cut in half, so it is not valid JSON (its event is lost).</summary>
    StreamMalformed,
}
