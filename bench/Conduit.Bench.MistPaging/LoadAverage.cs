using System.Globalization;

/// <summary>Samples the machine's one-minute load average once a second while the benchmark runs.</summary>
internal sealed class LoadAverage : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private readonly List<double> samples = [];

    public LoadAverage() => sampler = SampleAsync();

    /// <summary>The three load averages now, as <c>/proc/loadavg</c> gives them.</summary>
    public static string Now() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The lowest and highest one-minute load average seen so far.</summary>
    public string Range()
    {
        lock (samples)
        {
            return samples.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{samples.Min():F1}–{samples.Max():F1}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampler.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            if (File.Exists("/proc/loadavg"))
            {
                var one = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
                lock (samples)
                {
                    samples.Add(one);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stop.Token));
    }
}
