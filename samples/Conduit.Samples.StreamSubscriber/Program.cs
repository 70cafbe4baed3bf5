using System.Text.Json;
using Conduit.Mist.Clouds;
using Conduit.Mist.Sessions;
using Conduit.Mist.Streaming;
using Conduit.Sandbox;

// Subscribes to a site's live device statistics over Mist's WebSocket stream and prints each event.
//
//   StreamSubscriber [--count N] [--host api.mist.com --token TOKEN] [--site NAME_OR_ID]
//
// Without --host it starts an embedded Mist sandbox on loopback, which publishes device stats every 200 ms.
// --count N stops after N events (default 10); Ctrl+C stops at any time.
var count = 10;
string? host = null, token = null, site = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count": count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--host": host = args[++i]; break;
        case "--token": token = args[++i]; break;
        case "--site": site = args[++i]; break;
        default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
    }
}

#region session
await using var sandbox = host is null
    ? await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, StreamInterval = TimeSpan.FromMilliseconds(200) })
    : null;
var options = sandbox is null
    ? new MistSessionOptions { Host = host, ApiToken = token ?? Environment.GetEnvironmentVariable("MIST_APITOKEN") }
    : new MistSessionOptions { Cloud = MistCloud.Custom(new Uri(sandbox.BaseUrl)), ApiToken = sandbox.Seed.Tokens[0] };
await using var session = await MistSession.StartAsync(options);
#endregion

var picker = new MistPicker(session, Console.In, Console.Error);
var orgId = (await picker.ListOrgsAsync()).FirstOrDefault()?.Id ?? throw new InvalidOperationException("This account has no org.");
var siteChoice = site is null
    ? (await picker.ListSitesAsync(orgId)).FirstOrDefault() ?? throw new InvalidOperationException("The org has no site.")
    : await picker.FindSiteAsync(orgId, site);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

#region stream
// The stream uses the session's cloud and credentials (its API token, or the login cookies).
await using var stream = new MistStream(session.CreateStreamOptions());
stream.Subscribe(MistChannel.SiteDeviceStats(siteChoice.Id));

var received = 0;
try
{
    await foreach (var e in stream.ReadAllAsync(stop.Token))
    {
        if (e.Kind != MistStreamEventKind.Data)
        {
            Console.WriteLine($"{e.ReceivedAt:HH:mm:ss.fff} {e}");   // Subscribed, SubscribeFailed, Error…
            continue;
        }

        var name = e.Data.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : "?";
        var cpu = e.Data.TryGetProperty("cpu_util", out var c) ? c.ToString() : "?";
        Console.WriteLine($"{e.ReceivedAt:HH:mm:ss.fff} {e.Channel} {name} cpu {cpu}%");
        if (++received == count)
        {
            break;
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl+C: leaving the loop closes the stream cleanly when it is disposed.
}
#endregion

Console.WriteLine($"Received {received} events from {siteChoice.Name}.");
Console.WriteLine(stream.Statistics);
return received == count || stop.IsCancellationRequested ? 0 : 1;
