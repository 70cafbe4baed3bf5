using Conduit.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace Conduit.Sandbox.Streaming;

/// <summary>What every stream connection shares, with the stream options copied at start.</summary>
internal sealed record StreamServices(
    MistState State,
    StreamChannelAccess Access,
    StreamPayloads Payloads,
    MistSandboxFaults Faults,
    TimeProvider Time,
    TimeSpan Interval,
    int MaxSubscriptions,
    int QueueCapacity,
    ILogger Logger)
{
    /// <summary>The largest message a client may send, in bytes; larger ones get an error frame.</summary>
    public const int MaxClientMessageBytes = 64 * 1024;

    public static StreamServices From(MistState state, MistSandboxFaults faults, MistSandboxOptions options, ILogger logger)
        => new(state, new StreamChannelAccess(state), new StreamPayloads(state), faults, options.TimeProvider, options.StreamInterval,
            options.StreamMaxSubscriptions, options.StreamSendQueueCapacity, logger);
}
