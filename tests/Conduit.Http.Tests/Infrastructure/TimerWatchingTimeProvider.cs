using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Http.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records the due time of every timer created, so a test can wait until the
/// code under test has started a particular delay before it moves the clock.
/// </summary>
public sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Blocks (bounded by real time) until a timer due within <paramref name="dueTime"/> ± 1 ms was created.</summary>
    public void WaitForTimer(TimeSpan dueTime, int timeoutMs = 10_000)
    {
        if (!SpinWait.SpinUntil(() => _dueTimes.Any(d => (d - dueTime).Duration() <= TimeSpan.FromMilliseconds(1)), timeoutMs))
        {
            throw new TimeoutException($"No timer due in {dueTime} was created; saw: {string.Join(", ", _dueTimes)}.");
        }
    }
}
