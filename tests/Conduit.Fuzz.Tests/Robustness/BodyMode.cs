namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>How a well-formed HTTP response (served by Kestrel's HTTP stack) delivers its body.</summary>
public enum BodyMode
{
    /// <summary>The whole body at once, with Content-Length.</summary>
    Buffered,

    /// <summary>In small chunks without Content-Length.</summary>
    Chunked,

    /// <summary>Part of the body, then nothing until the client gives up.</summary>
    StallMidBody,

    /// <summary>No status line at all until the client gives up.</summary>
    StallBeforeHeaders,

    /// <summary>A few bytes at a time with pauses, for longer than the attempt timeout.</summary>
    Drip,

    /// <summary>Zeros up to <see cref="HttpPlan.HugeSize"/>, declared or chunked.</summary>
    Huge,

    /// <summary>A small gzip body that inflates to many megabytes.</summary>
    GzipBomb,
}
