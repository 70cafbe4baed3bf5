namespace Conduit.Mist.Streaming;

/// <summary>One channel held by a connection: whether it is acknowledged, when it was last requested, and who waits for it.</summary>
internal sealed class MistStreamSubscription(MistChannel channel)
{
    public MistChannel Channel { get; } = channel;

    public string Path => Channel.Path;

    /// <summary>Completes at the first acknowledgement; fails on refusal or when the watchdog gives up on it.</summary>
    public TaskCompletionSource Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsActive { get; private set; }

    /// <summary>The timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the pending request, or null when none is pending.</summary>
    public long? RequestedAt { get; private set; }

    public bool TimeoutReported { get; set; }

    public void MarkRequested(long timestamp)
    {
        IsActive = false;
        RequestedAt = timestamp;
        TimeoutReported = false;
    }

    public void MarkActive()
    {
        IsActive = true;
        RequestedAt = null;
        Acknowledged.TrySetResult();
    }

    public void MarkDisconnected()
    {
        IsActive = false;
        RequestedAt = null;
    }
}
