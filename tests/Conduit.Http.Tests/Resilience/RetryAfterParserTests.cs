using Conduit.Http.Resilience;
using CsCheck;

namespace Conduit.Http.Tests.Resilience;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData(" 120 ", 120)]
    [InlineData("1.5", 1.5)]
    [InlineData("Sun, 01 Mar 2026 10:00:30 GMT", 30)]
    [InlineData("Sun, 01 Mar 2026 09:59:00 GMT", 0)]
    public void TryParse_ValidValues_GiveTheDelay(string value, double seconds)
    {
        Assert.True(RetryAfterParser.TryParse(value, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1e400")]
    [InlineData("NaN")]
    public void TryParse_InvalidValues_AreRejected(string? value) => Assert.False(RetryAfterParser.TryParse(value, Now, out _));

    [Theory]
    [InlineData("30", 30)]
    [InlineData("1772359260", 60)]
    public void TryParseReset_SecondsOrEpoch_GiveTheDelay(string value, double seconds)
    {
        Assert.True(RetryAfterParser.TryParseReset(value, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void TryParse_AnyString_NeverThrowsAndNeverNegative()
    {
        Gen.String.Sample(value =>
        {
            var parsed = RetryAfterParser.TryParse(value, Now, out var delay);
            return !parsed || delay >= TimeSpan.Zero;
        });
    }
}
