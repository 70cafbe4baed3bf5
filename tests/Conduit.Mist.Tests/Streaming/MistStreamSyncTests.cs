using Conduit.Mist.Streaming;

namespace Conduit.Mist.Tests.Streaming;

/// <summary>
/// The synchronous <see cref="MistStream.Start"/> and <see cref="MistStream.Run"/> block the calling thread on the
/// asynchronous work; called from a thread with a synchronization context that never runs what is posted to it (a
/// UI thread busy in the call), they must still finish: nothing of the stream may continue on the caller's context.
/// </summary>
public sealed class MistStreamSyncTests
{
    [Fact]
    public async Task Start_UnknownTokenOnABlockedContext_ThrowsInsteadOfDeadlocking()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox, token: "not-a-valid-token"));

        var outcome = await OnBlockedContext(() => stream.Start(StreamSandbox.Token));

        Assert.Equal(MistStreamErrorKind.Unauthorized, Assert.IsType<MistStreamException>(outcome).Kind);
    }

    [Fact]
    public async Task Run_CancelledOnABlockedContext_ClosesAndReturns()
    {
        await using var sandbox = await StreamSandbox.StartAsync(o => o.StreamInterval = TimeSpan.FromMilliseconds(20));
        await using var stream = new MistStream(StreamSandbox.Options(sandbox));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(StreamSandbox.Token);
        var events = 0;
        stream.Subscribe(MistChannel.OrgInsightsSummary(sandbox.Seed.OrgId))
            .OnMessage(e =>
            {
                if (e.Kind == MistStreamEventKind.Data && Interlocked.Increment(ref events) == 3)
                {
                    stop.Cancel();
                }
            });

        var outcome = await OnBlockedContext(() => stream.Run(stop.Token));

        Assert.Null(outcome);
        Assert.True(stream.Completion.IsCompletedSuccessfully);
    }

    /// <summary>Runs <paramref name="action"/> on a new thread whose context never runs posted work; returns what it threw.</summary>
    private static async Task<Exception?> OnBlockedContext(Action action)
    {
        var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(new NeverRunsContext());
            done.SetResult(Record.Exception(action));
        }) { IsBackground = true };
        thread.Start();
        return await StreamSandbox.Within(done.Task);
    }

    /// <summary>A context like a UI thread's while that thread is blocked: posted work waits forever.</summary>
    private sealed class NeverRunsContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();
    }
}
