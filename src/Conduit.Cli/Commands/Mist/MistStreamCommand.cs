using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Cli.Commands.Auth;
using Conduit.Mist.Streaming;

namespace Conduit.Cli.Commands.Mist;

/// <summary>
/// <c>conduit mist stream &lt;channel&gt;</c>: subscribes to one channel of the Mist WebSocket stream and prints each
/// event as it comes — one line for people, one JSON object per line with <c>--json</c> — until <c>--count</c> events,
/// <c>--duration</c>, or Ctrl+C (then it closes the stream cleanly and exits 0).
/// </summary>
internal static class MistStreamCommand
{
    public static Command Create(MistCommandRunner runner)
    {
        var channel = new Argument<string>("channel") { Description = "The channel, e.g. /sites/{site_id}/stats/devices, /sites/{site_id}/devices or /orgs/{org_id}/insights/summary." };
        var count = new Option<int?>("--count") { Description = "Stops after this many events." };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--count must be at least 1.");
            }
        });
        var duration = new Option<string?>("--duration") { Description = "Stops after this long: 30s, 5m, 1h, 500ms, or seconds." };
        var command = new Command("stream", "Subscribes to a Mist WebSocket channel and prints events as they come, until --count, --duration or Ctrl+C.")
        {
            channel, count, duration,
        };
        runner.SetAction(command, async (context, cancellationToken) =>
        {
            var limit = context.Result.GetValue(duration) is { } text
                ? DurationText.TryParse(text, out var parsed) ? parsed : throw new CommandInputException($"--duration '{text}' is not a duration such as 30s, 5m, 1h or 500ms.")
                : (TimeSpan?)null;
            MistChannel subscribed;
            try
            {
                subscribed = MistChannel.Raw(context.Result.GetValue(channel)!);
            }
            catch (ArgumentException ex)
            {
                throw new CommandInputException(ex.Message);
            }

            await using var session = await context.StartSessionAsync(useStoredLogin: true, cancellationToken).ConfigureAwait(false);
            await using var stream = new MistStream(session.CreateStreamOptions());
            stream.Subscribe(subscribed);
            using var timer = limit is { } span ? new CancellationTokenSource(span, context.Environment.TimeProvider) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            var received = await PrintAsync(context, stream, context.Result.GetValue(count), stop.Token).ConfigureAwait(false);
            await stream.StopAsync(CancellationToken.None).ConfigureAwait(false);
            context.Io.Note($"Stopped after {received.ToString(CultureInfo.InvariantCulture)} events.");
            return CliExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> PrintAsync(MistCommandContext context, MistStream stream, int? count, CancellationToken stop)
    {
        var received = 0;
        var io = context.Io;
        try
        {
            await foreach (var e in stream.ReadAllAsync(stop).ConfigureAwait(false))
            {
                switch (e.Kind)
                {
                    case MistStreamEventKind.Data:
                        received++;
                        if (io.IsJson)
                        {
                            io.WriteJson(new JsonObject
                            {
                                ["channel"] = e.Channel,
                                ["received_at"] = e.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
                                ["data"] = JsonFields.Node(e.Data),
                            });
                        }
                        else
                        {
                            io.WriteRaw($"{e.ReceivedAt.ToLocalTime():HH:mm:ss.fff}  {e.Channel}  {JsonFields.Format(e.Data, indented: false)}");
                        }

                        if (received >= count)
                        {
                            return received;
                        }

                        break;
                    case MistStreamEventKind.Subscribed:
                        io.Note($"Subscribed to {e.Channel}; Ctrl+C stops.");
                        break;
                    case MistStreamEventKind.SubscribeFailed:
                        throw new MistStreamException(MistStreamErrorKind.SubscribeFailed, $"The subscription to {e.Channel} was refused: {e.Detail}") { Channel = e.Channel };
                    case MistStreamEventKind.Error:
                        io.Warn($"the stream reported an error: {e.Detail}");
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or --duration: a normal end.
        }

        return received;
    }
}
