using System.Collections.Concurrent;
using System.Diagnostics;
using Conduit.Http;

namespace Conduit.Chaos.Tests.Infrastructure;

/// <summary>
/// Keeps a few workers calling through a client, each pausing briefly between calls, until
/// <see cref="StopAsync"/>; records every call on one clock so a test can judge calls by the phase
/// (healthy, outage, recovered) they ran in.
/// </summary>
internal sealed class CallLoop(ConduitClient client, Func<int, ApiRequest> request, string requestIdPrefix)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<TimedCall> calls = new();
    private readonly CancellationTokenSource stop = new();
    private Task? workers;
    private int next = -1;

    /// <summary>The loop's clock.</summary>
    public TimeSpan Now => clock.Elapsed;

    public IReadOnlyCollection<TimedCall> Calls => calls;

    public void Start(int workerCount, TimeSpan pause)
        => workers = Task.WhenAll(Enumerable.Range(0, workerCount).Select(_ => WorkAsync(pause)));

    /// <summary>Stops the workers and waits for their last calls; fails when they do not end within <paramref name="limit"/> (a hang).</summary>
    public async Task StopAsync(TimeSpan limit)
    {
        await stop.CancelAsync();
        await workers!.WaitAsync(limit);
        stop.Dispose();
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms on the real clock; false when it did not hold within <paramref name="limit"/>.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await HoldAsync(TimeSpan.FromMilliseconds(20));
        }

        return true;
    }

    /// <summary>Waits (on the real clock: the phases are about a real outage) for <paramref name="duration"/>.</summary>
    public static Task HoldAsync(TimeSpan duration) => Task.Delay(duration, TimeProvider.System);

    private async Task WorkAsync(TimeSpan pause)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref next);
            var requestId = requestIdPrefix + index;
            var start = clock.Elapsed;
            try
            {
                // The calls are not cancelled by the stop: each runs to its own end, so a hang shows.
                var response = await client.SendAsync(request(index).WithHeader("X-Request-Id", requestId), CancellationToken.None);
                calls.Enqueue(new TimedCall(requestId, start, clock.Elapsed, null, (int)response.StatusCode));
            }
            catch (Exception ex)
            {
                calls.Enqueue(new TimedCall(requestId, start, clock.Elapsed, ex.GetType(), (ex as ApiException)?.StatusCode));
            }

            try
            {
                await Task.Delay(pause, TimeProvider.System, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
