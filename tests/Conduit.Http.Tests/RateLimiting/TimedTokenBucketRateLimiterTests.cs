using System.Threading.RateLimiting;
using Conduit.Http.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Http.Tests.RateLimiting;

public sealed class TimedTokenBucketRateLimiterTests
{
    private static TimedTokenBucketRateLimiter Create(FakeTimeProvider time, int rate = 5, int burst = 10, int queue = 100) =>
        new(new RateLimitOptions { RequestsPerWindow = rate, Window = TimeSpan.FromSeconds(1), Burst = burst, QueueLimit = queue }, time);

    [Fact]
    public void AttemptAcquire_OverManyWindows_AdmitsExactlyBurstPlusRateTimesWindows()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, rate: 5, burst: 10);
        var admitted = 0;

        for (var window = 0; window < 60; window++)
        {
            for (var i = 0; i < 50; i++)
            {
                using var lease = limiter.AttemptAcquire();
                admitted += lease.IsAcquired ? 1 : 0;
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10 + (5 * 59), admitted);
    }

    [Fact]
    public void Replenish_AfterIdle_NeverExceedsTheBurst()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, rate: 5, burst: 10);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(10, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.NotNull(limiter.IdleDuration);
    }

    [Fact]
    public async Task AcquireAsync_Queued_AreGrantedInArrivalOrder()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, rate: 1, burst: 1);
        limiter.AttemptAcquire().Dispose();
        var order = new List<int>();

        var first = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask().ContinueWith(_ => { lock (order) { order.Add(1); } }, TaskScheduler.Default);
        var second = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask().ContinueWith(_ => { lock (order) { order.Add(2); } }, TaskScheduler.Default);
        using (var overtaker = limiter.AttemptAcquire())
        {
            Assert.False(overtaker.IsAcquired);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        await first;
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second;

        Assert.Equal([1, 2], order);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_LeavesTheQueueAndThrows()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, rate: 1, burst: 1, queue: 1);
        limiter.AttemptAcquire().Dispose();
        using var cts = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cts.Token).AsTask();
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void AttemptAcquire_QueueFull_ReportsRetryAfter()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, rate: 2, burst: 2, queue: 0);
        limiter.AttemptAcquire(2).Dispose();

        using var lease = limiter.AttemptAcquire();

        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public async Task Dispose_WithWaiters_FailsThemInsteadOfHanging()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time, rate: 1, burst: 1);
        limiter.AttemptAcquire().Dispose();
        var waiting = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        limiter.Dispose();

        Assert.False((await waiting).IsAcquired);
    }
}
