namespace Conduit.Http.Resilience;

/// <summary>Computes the exponential backoff with optional jitter for a retry.</summary>
internal sealed class RetryDelayCalculator(RetryOptions options)
{
    private const double JitterSpread = 0.25;
    private readonly Func<double> _random = options.JitterSource ?? Random.Shared.NextDouble;

    /// <summary>The delay before retry <paramref name="retryIndex"/> (0 for the first retry).</summary>
    public TimeSpan GetDelay(int retryIndex, TimeSpan? retryAfter)
    {
        if (retryAfter is { } serverDelay && options.HonorRetryAfter)
        {
            return serverDelay < TimeSpan.Zero ? TimeSpan.Zero : serverDelay;
        }

        var seconds = options.InitialDelay.TotalSeconds * Math.Pow(options.ExponentialBase, retryIndex);
        var max = options.MaxDelay.TotalSeconds;
        if (double.IsNaN(seconds) || seconds > max)
        {
            seconds = max;
        }

        if (options.UseJitter)
        {
            seconds *= 1 - JitterSpread + (2 * JitterSpread * _random());
            seconds = Math.Min(seconds, max);
        }

        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }
}
