namespace Conduit.Mist.Streaming;

/// <summary>
/// Reconnect delays: attempt n (from 0) waits <c>initial × factor^n</c>, capped at the maximum, and with jitter a
/// random share between half and all of it (so many clients dropped together do not return together).
/// </summary>
internal sealed class MistStreamBackoff(TimeSpan initial, TimeSpan max, double factor, bool jitter, Func<double>? random)
{
    private readonly Func<double> random = random ?? Random.Shared.NextDouble;

    public TimeSpan Delay(int attempt)
    {
        var seconds = initial.TotalSeconds * Math.Pow(factor, Math.Max(0, attempt));
        var cap = max.TotalSeconds;
        if (double.IsNaN(seconds) || seconds > cap)
        {
            seconds = cap;
        }

        if (jitter)
        {
            seconds *= 0.5 + (0.5 * Math.Clamp(random(), 0, 1));
        }

        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }
}
