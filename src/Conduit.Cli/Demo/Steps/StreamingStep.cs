using System.Collections.Concurrent;
using System.Text.Json;
using Conduit.Http;
using Conduit.Mist.Streaming;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Subscribes to a site's device stats and device changes over the WebSocket stream and prints live events.</summary>
internal sealed class StreamingStep : IDemoStep
{
    private const int StatsToShow = 3;

    public string Name => "stream";

    public string Title => "WebSocket streaming: live device stats and a change made over REST";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        var siteId = sandbox.Seed.SiteIds[0];
        var changes = MistChannel.SiteDevices(siteId);
        var events = new ConcurrentQueue<(string Channel, string Summary)>();
        var stats = 0;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enoughStats = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stream = new MistStream(new MistStreamOptions
        {
            Url = new Uri(sandbox.StreamUrl),
            Credentials = MistStreamCredentials.Token(sandbox.Seed.Tokens[0]),
        });

        // The callback is registered before the stream starts, so no event can slip past it.
        stream.OnMessage(e =>
        {
            if (e.Kind != MistStreamEventKind.Data || e.Data.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var name = e.Data.TryGetProperty("name", out var n) ? n.GetString() : "?";
            if (e.Channel == changes.Path)
            {
                events.Enqueue((e.Channel, $"device {name} changed: notes = \"{(e.Data.TryGetProperty("notes", out var notes) ? notes.GetString() : null)}\""));
                changed.TrySetResult();
            }
            else if (Interlocked.Increment(ref stats) <= StatsToShow)
            {
                events.Enqueue((e.Channel!, $"device {name} stats"));
                if (stats == StatsToShow)
                {
                    enoughStats.TrySetResult();
                }
            }
        });
        await stream.StartAsync(cancellationToken).ConfigureAwait(false);
        await stream.SubscribeAsync(MistChannel.SiteDeviceStats(siteId), cancellationToken).ConfigureAwait(false);
        await stream.SubscribeAsync(changes, cancellationToken).ConfigureAwait(false);
        environment.Console.MarkupLineInterpolated($"Connected to [blue]{sandbox.StreamUrl}[/]; {stream.Channels.Count} channels subscribed and acknowledged.");

        // Change a device over REST: the sandbox emits the change on /sites/{id}/devices.
        using var client = await environment.CreateMistClientAsync(null, cancellationToken).ConfigureAwait(false);
        var devices = await client.SendAsync(ApiRequest.Get("sites/{0}/devices", siteId).WithQuery("limit", 1), cancellationToken).ConfigureAwait(false);
        using var list = devices.ReadJsonDocument();
        var deviceId = list.RootElement[0].GetProperty("id").GetString()!;
        await client.PutAsync($"sites/{siteId}/devices/{deviceId}", JsonBody.FromText("""{"notes":"renamed by conduit demo"}"""), cancellationToken).ConfigureAwait(false);

        await Task.WhenAll(changed.Task, enoughStats.Task).WaitAsync(TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("Channel", "Event");
        foreach (var (channel, summary) in events)
        {
            table.AddRow(Markup.Escape(channel), Markup.Escape(summary));
        }

        environment.Console.Write(table);
        environment.Console.MarkupLineInterpolated($"{stream.Statistics}");
    }
}
