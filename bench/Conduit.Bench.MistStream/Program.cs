// Mist stream benchmark: events per second delivered to an IAsyncEnumerable consumer from the embedded sandbox on
// loopback, and the time to reconnect and re-subscribe after a drop (median and max over 20 drops).
// Usage: dotnet run -c Release -- [seconds=5] [drops=20]
using System.Diagnostics;
using System.Globalization;
using Conduit.Mist.Streaming;
using Conduit.Sandbox;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var drops = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;

await using var sandbox = await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, SiteCount = 1, DeviceCount = 10, StreamInterval = TimeSpan.Zero, StreamSendQueueCapacity = 65_536 });
var site = sandbox.Seed.SiteIds[0];
Console.WriteLine($"Mist stream benchmark on {sandbox.StreamUrl} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

await ThroughputAsync(sandbox, site, seconds, MistStreamOverflowPolicy.DropOldest);
await ThroughputAsync(sandbox, site, seconds, MistStreamOverflowPolicy.Wait);
await ReconnectAsync(sandbox, site, drops, TimeSpan.Zero);
await ReconnectAsync(sandbox, site, drops, MistStreamDefaults.ReconnectInitialDelay);

static MistStreamOptions Options(MistSandbox sandbox) => new()
{
    Url = new Uri(sandbox.StreamUrl),
    Credentials = MistStreamCredentials.Token(sandbox.Seed.Tokens[0]),
};

static async Task ThroughputAsync(MistSandbox sandbox, string site, int seconds, MistStreamOverflowPolicy policy)
{
    var options = Options(sandbox);
    options.OverflowPolicy = policy;
    await using var stream = new MistStream(options);
    var channel = MistChannel.SiteDeviceStats(site);
    stream.Subscribe(channel);
    await stream.StartAsync();
    await stream.SubscribeAsync(channel);
    sandbox.Streams.ResetCounters();

    const string payload = """{"id":"00000000-0000-0000-1000-5c5b35000001","mac":"5c5b35000001","status":"connected","uptime":12345,"num_clients":7}""";
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var publisher = Task.Run(() =>
    {
        long published = 0;
        while (!stop.IsCancellationRequested)
        {
            // Keep the server queue fed without unbounded server-side drops: publish in bursts, yield between them.
            for (var i = 0; i < 256; i++)
            {
                sandbox.Streams.Publish(channel.Path, payload);
            }

            published += 256;
            Thread.Yield();
        }

        return published;
    });

    long delivered = 0;
    var clock = Stopwatch.StartNew();
    try
    {
        await foreach (var e in stream.ReadAllAsync(stop.Token))
        {
            if (e.Kind == MistStreamEventKind.Data && e.Data.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                delivered++;
            }
        }
    }
    catch (OperationCanceledException)
    {
    }

    var elapsed = clock.Elapsed.TotalSeconds;
    var published = await publisher;
    var stats = stream.Statistics;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"throughput ({policy}): {delivered / elapsed:N0} events/s delivered to ReadAllAsync ({delivered:N0} in {elapsed:F1} s; published {published:N0}, server dropped {sandbox.Streams.FramesDropped:N0}, client dropped {stats.EventsDropped:N0})"));
}

static async Task ReconnectAsync(MistSandbox sandbox, string site, int drops, TimeSpan initialDelay)
{
    var options = Options(sandbox);
    options.ReconnectInitialDelay = initialDelay;
    await using var stream = new MistStream(options);
    var channels = Enumerable.Range(0, 10).Select(_ => MistChannel.LocationClients(site, Guid.NewGuid().ToString())).ToArray();
    stream.Subscribe(channels);
    await stream.StartAsync();
    await Task.WhenAll(channels.Select(c => stream.SubscribeAsync(c)));

    var times = new List<double>();
    for (var i = 0; i < drops; i++)
    {
        var reconnects = stream.Statistics.Reconnects;
        var clock = Stopwatch.StartNew();
        sandbox.Streams.DisconnectAll();
        // Reconnected = a new connection opened and every channel acknowledged again.
        while (stream.Statistics.Reconnects == reconnects || stream.Statistics.ActiveSubscriptions < channels.Length)
        {
            await Task.Delay(1);
        }

        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = (times[(times.Count - 1) / 2] + times[times.Count / 2]) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"reconnect (initial delay {initialDelay.TotalMilliseconds:F0} ms, jitter on, 10 channels re-subscribed): median {median:F1} ms, max {times[^1]:F1} ms over {drops} drops"));
}
