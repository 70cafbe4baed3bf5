using Conduit.Http.Resilience;

namespace Conduit.Http.Tests.Resilience;

public sealed class RetryDelayCalculatorTests
{
    [Fact]
    public void GetDelay_WithoutJitter_GrowsByTheBaseAndStopsAtMaxDelay()
    {
        var calculator = new RetryDelayCalculator(new RetryOptions { InitialDelay = TimeSpan.FromSeconds(1), ExponentialBase = 3, MaxDelay = TimeSpan.FromSeconds(20), UseJitter = false });

        var delays = Enumerable.Range(0, 5).Select(i => calculator.GetDelay(i, retryAfter: null).TotalSeconds);

        Assert.Equal([1, 3, 9, 20, 20], delays);
    }

    [Fact]
    public void GetDelay_WithJitter_StaysWithinAQuarterEitherSide()
    {
        var random = new Random(7);
        var calculator = new RetryDelayCalculator(new RetryOptions { InitialDelay = TimeSpan.FromSeconds(4), UseJitter = true, JitterSource = random.NextDouble });

        var delays = Enumerable.Range(0, 500).Select(_ => calculator.GetDelay(0, null).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 3.0, 5.0));
        Assert.True(delays.Distinct().Count() > 100);
    }

    [Fact]
    public void GetDelay_RetryAfterGiven_IsUsedEvenAboveMaxDelay()
    {
        var calculator = new RetryDelayCalculator(new RetryOptions { MaxDelay = TimeSpan.FromSeconds(60) });

        Assert.Equal(TimeSpan.FromSeconds(90), calculator.GetDelay(0, TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public void GetDelay_RetryAfterIgnoredByOption_UsesBackoff()
    {
        var calculator = new RetryDelayCalculator(new RetryOptions { HonorRetryAfter = false, UseJitter = false });

        Assert.Equal(TimeSpan.FromSeconds(2), calculator.GetDelay(1, TimeSpan.FromSeconds(90)));
    }
}
