using System.Globalization;

namespace Conduit.Http.Resilience;

/// <summary>Reads <c>Retry-After</c> (delay seconds or an HTTP date) and <c>X-RateLimit-Reset</c>.</summary>
public static class RetryAfterParser
{
    // DateTimeOffset.MaxValue.ToUnixTimeSeconds(): 9999-12-31T23:59:59Z.
    private const double MaxEpochSeconds = 253_402_300_799;

    /// <summary>Parses a <c>Retry-After</c> value relative to <paramref name="now"/>; a past date gives zero.</summary>
    /// <returns><see langword="true"/> when the value is a non-negative number of seconds or an HTTP date.</returns>
    public static bool TryParse(string? value, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsFinite(seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
            {
                delay = TimeSpan.FromSeconds(seconds);
                return true;
            }

            return false;
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date) ||
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
        {
            var until = date - now;
            delay = until > TimeSpan.Zero ? until : TimeSpan.Zero;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The delay a response asks for: <c>Retry-After</c>, else for a 429 <c>X-RateLimit-Reset</c> (epoch seconds or
    /// seconds from now), else <see langword="null"/>.
    /// </summary>
    public static TimeSpan? Parse(ApiResponse response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // The clock is read only when there is a header to read against it: most responses have neither.
        if (response.GetHeader("Retry-After") is { } retryAfter && TryParse(retryAfter, timeProvider.GetUtcNow(), out var delay))
        {
            return delay;
        }

        if ((int)response.StatusCode == 429 && response.GetHeader("X-RateLimit-Reset") is { } reset && TryParseReset(reset, timeProvider.GetUtcNow(), out delay))
        {
            return delay;
        }

        return null;
    }

    /// <summary>
    /// Parses <c>X-RateLimit-Reset</c>: values above 10^9 are Unix epoch seconds, smaller ones seconds from now.
    /// </summary>
    public static bool TryParseReset(string? value, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        if (number > 1_000_000_000)
        {
            // An epoch past 9999-12-31T23:59:59Z is no date at all (and DateTimeOffset cannot hold it): not a valid reset.
            if (number > MaxEpochSeconds)
            {
                return false;
            }

            var until = DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)) - now;
            delay = until > TimeSpan.Zero ? until : TimeSpan.Zero;
            return true;
        }

        if (number > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        delay = TimeSpan.FromSeconds(number);
        return true;
    }
}
