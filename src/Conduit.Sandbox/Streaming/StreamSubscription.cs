namespace Conduit.Sandbox.Streaming;

/// <summary>One channel a connection subscribed to, and how many periodic events it has had.</summary>
internal sealed class StreamSubscription(StreamChannel channel)
{
    private long sequence = -1;

    public StreamChannel Channel { get; } = channel;

    /// <summary>The number of the next periodic event (0, 1, 2…), which picks the entity it reports on.</summary>
    public long NextSequence() => Interlocked.Increment(ref sequence);
}
