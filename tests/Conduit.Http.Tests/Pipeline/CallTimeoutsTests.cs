using Conduit.Http.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace Conduit.Http.Tests.Pipeline;

public sealed class CallTimeoutsTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private static CallTimeoutsPool CreatePool(FakeTimeProvider time, TimeSpan attempt, TimeSpan total) =>
        CallTimeoutsPool.Create(new ConduitClientOptions { AttemptTimeout = attempt, TotalTimeout = total, TimeProvider = time })!;

    private static Outcome<ApiResponse> Canceled(CancellationToken token) => Outcome.FromException<ApiResponse>(new OperationCanceledException(token));

    private static Outcome<ApiResponse> Answered() => Outcome.FromResult(new ApiResponse(System.Net.HttpStatusCode.OK, ReadOnlyMemory<byte>.Empty));

    [Fact]
    public void Create_NoTimeoutAtAll_NeedsNoPool()
    {
        Assert.Null(CallTimeoutsPool.Create(new ConduitClientOptions { AttemptTimeout = Timeout.InfiniteTimeSpan, TotalTimeout = Timeout.InfiniteTimeSpan }));
    }

    [Fact]
    public void EndAttempt_AttemptTimeoutPassed_CancelsOnlyTheAttemptAndReportsItAsTimeoutRejected()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        var timeouts = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        var attempt = timeouts.BeginAttempt();

        time.Advance(TimeSpan.FromSeconds(10) - Ms);
        Assert.False(attempt.IsCancellationRequested);
        time.Advance(Ms);
        Assert.True(attempt.IsCancellationRequested);
        Assert.False(timeouts.Token.IsCancellationRequested);
        var outcome = timeouts.EndAttempt(Canceled(attempt));

        var rejected = Assert.IsType<TimeoutRejectedException>(outcome.Exception);
        Assert.Equal(TimeSpan.FromSeconds(10), rejected.Timeout);
        Assert.IsType<OperationCanceledException>(rejected.InnerException);
        Assert.False(timeouts.TryGetTotalTimeout(rejected, out _));
    }

    [Fact]
    public void BeginAttempt_AfterAnAttemptTimedOut_GivesAFreshTokenWithItsOwnDeadline()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        var timeouts = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        var first = timeouts.BeginAttempt();
        time.Advance(TimeSpan.FromSeconds(10));
        timeouts.EndAttempt(Canceled(first));
        time.Advance(TimeSpan.FromSeconds(2));

        var second = timeouts.BeginAttempt();
        Assert.False(second.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(10) - Ms);
        Assert.False(second.IsCancellationRequested);
        time.Advance(Ms);

        Assert.True(second.IsCancellationRequested);
        Assert.IsType<TimeoutRejectedException>(timeouts.EndAttempt(Canceled(second)).Exception);
    }

    [Fact]
    public void BeginAttempt_NoTotalTimeout_EveryAttemptStillTimesOut()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        var timeouts = pool.Rent(time.GetTimestamp(), CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            var attempt = timeouts.BeginAttempt();
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.True(attempt.IsCancellationRequested, $"attempt {i + 1}");
            Assert.IsType<TimeoutRejectedException>(timeouts.EndAttempt(Canceled(attempt)).Exception);
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.False(timeouts.Token.IsCancellationRequested);
    }

    [Fact]
    public void Token_TotalTimeoutPassesBetweenAttempts_IsCancelledAndReportedAsTheTotal()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        var timeouts = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        timeouts.BeginAttempt();
        time.Advance(TimeSpan.FromSeconds(5));
        var answered = Answered();
        Assert.Equal(answered.Result, timeouts.EndAttempt(answered).Result);

        // A long wait between attempts (a Retry-After, the rate limiter): the attempt timeout does not apply to it.
        time.Advance(TimeSpan.FromSeconds(25) - Ms);
        Assert.False(timeouts.Token.IsCancellationRequested);
        time.Advance(Ms);

        Assert.True(timeouts.Token.IsCancellationRequested);
        Assert.True(timeouts.TryGetTotalTimeout(new OperationCanceledException(timeouts.Token), out var total));
        Assert.Equal(TimeSpan.FromSeconds(30), total.Timeout);
    }

    [Fact]
    public void EndAttempt_TotalDeadlineComesFirst_CancelsBothAndLeavesTheTotalToReport()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        var timeouts = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(8));
        var attempt = timeouts.BeginAttempt();

        time.Advance(TimeSpan.FromSeconds(7));

        Assert.True(attempt.IsCancellationRequested);
        Assert.True(timeouts.Token.IsCancellationRequested);
        var outcome = timeouts.EndAttempt(Canceled(attempt));
        Assert.IsType<OperationCanceledException>(outcome.Exception);
        Assert.True(timeouts.TryGetTotalTimeout(outcome.Exception!, out var total));
        Assert.Equal(TimeSpan.FromSeconds(15), total.Timeout);
    }

    [Fact]
    public void Rent_CallerCancels_CancelsBothAndReportsNoTimeout()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource();
        var timeouts = pool.Rent(time.GetTimestamp(), caller.Token);
        var attempt = timeouts.BeginAttempt();

        caller.Cancel();

        Assert.True(attempt.IsCancellationRequested);
        Assert.True(timeouts.Token.IsCancellationRequested);
        var outcome = timeouts.EndAttempt(Canceled(attempt));
        Assert.IsType<OperationCanceledException>(outcome.Exception);
        Assert.False(timeouts.TryGetTotalTimeout(outcome.Exception!, out _));
    }

    [Fact]
    public void Rent_AfterACallThatTimedOut_StartsClean()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        var first = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        first.BeginAttempt();
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(first.Token.IsCancellationRequested);
        pool.Return(first);

        var second = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        var attempt = second.BeginAttempt();

        Assert.Same(first, second);
        Assert.False(second.Token.IsCancellationRequested);
        Assert.False(attempt.IsCancellationRequested);
        Assert.False(second.TryGetTotalTimeout(new OperationCanceledException(), out _));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(attempt.IsCancellationRequested);
    }

    [Fact]
    public void Return_CallEndedInTime_LateTimerDoesNotTouchTheNextCall()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        var first = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        first.BeginAttempt();
        first.EndAttempt(Answered());
        pool.Return(first);
        time.Advance(TimeSpan.FromSeconds(15));

        var second = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(19));

        Assert.False(second.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(second.Token.IsCancellationRequested);
    }

    [Fact]
    public void BeginAttempt_TimerLeftArmedByTheLastCall_FiresEarlyWithoutCancellingThenKeepsTheRealDeadline()
    {
        var time = new FakeTimeProvider();
        using var pool = CreatePool(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        var first = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        first.BeginAttempt();
        time.Advance(TimeSpan.FromSeconds(1));
        first.EndAttempt(Answered());
        pool.Return(first);
        time.Advance(TimeSpan.FromSeconds(4));

        // The second call starts at 5 s on the same object, whose timer is still due at 10 s (the first call's deadline).
        var second = pool.Rent(time.GetTimestamp(), CancellationToken.None);
        var attempt = second.BeginAttempt();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(attempt.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(5) - Ms);
        Assert.False(attempt.IsCancellationRequested);
        time.Advance(Ms);

        Assert.Same(first, second);
        Assert.True(attempt.IsCancellationRequested);
        Assert.False(second.Token.IsCancellationRequested);
    }
}
