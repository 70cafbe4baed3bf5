namespace Conduit.Sandbox;

/// <summary>The kinds of fault the sandbox can inject.</summary>
public enum MistSandboxFaultKind
{
    /// <summary>Answer with an error status (one of <see cref="MistSandboxFault.StatusCodes"/>) and a JSON <c>detail</c>.</summary>
    Error,

    /// <summary>Wait <see cref="MistSandboxFault.Delay"/> before handling the request.</summary>
    Latency,

    /// <summary>Answer 429 with the Mist quota body and <c>Retry-After</c> (<see cref="MistSandboxFault.Delay"/>), for <see cref="MistSandboxFault.Count"/> requests.</summary>
    RateLimitBurst,

    /// <summary>Drop the connection without answering.</summary>
    ConnectionReset,

    /// <summary>Send the body in chunks of <see cref="MistSandboxFault.ChunkSize"/> bytes, pausing <see cref="MistSandboxFault.Delay"/> between them.</summary>
    SlowBody,

    /// <summary>Announce the whole body's length, send half of it, then drop the connection.</summary>
    TruncatedBody,

    /// <summary>Send a complete response whose JSON body is cut short, so it does not parse.</summary>
    MalformedJson,
}
