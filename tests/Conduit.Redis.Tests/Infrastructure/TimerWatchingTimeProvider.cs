using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Redis.Tests.Infrastructure;

/// <summary>A fake clock that lets a test wait (bounded, real time) until the code under test has started a timer.</summary>
public sealed class TimerWatchingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }

    public void WaitForTimers(int count, int timeoutMs = 10_000)
    {
        if (!SpinWait.SpinUntil(() => TimersCreated >= count, timeoutMs))
        {
            throw new TimeoutException($"Expected {count} timer(s), saw {TimersCreated}.");
        }
    }
}
