using System.Collections.Concurrent;
using System.Net;
using Conduit.Mist.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Conduit.Mist.Tests.Streaming;

public sealed class MistStreamHandshakeTests
{
    [Fact]
    public async Task StartAsync_UnknownToken_StopsWithUnauthorizedWithoutRetrying()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        await using var stream = new MistStream(StreamSandbox.Options(sandbox, token: "not-a-valid-token"));
        var errors = new ConcurrentQueue<MistStreamException>();
        stream.OnError(errors.Enqueue);

        var failure = await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(stream.StartAsync(StreamSandbox.Token)));

        Assert.Equal(MistStreamErrorKind.Unauthorized, failure.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.True(failure.IsFatal);
        await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(stream.Completion));
        Assert.Equal(MistStreamErrorKind.Unauthorized, Assert.Single(errors).Kind);
        Assert.Equal(1, sandbox.Counters.Count("GET", "/api-ws/v1/stream"));
        Assert.Equal(0, sandbox.Streams.ConnectionsAccepted);
        await Assert.ThrowsAsync<MistStreamException>(async () =>
        {
            await foreach (var _ in stream.ReadAllAsync(StreamSandbox.Token))
            {
            }
        });
    }

    [Fact]
    public async Task StartAsync_HandshakeAnswered429_WaitsForRetryAfterOnTheClock()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        sandbox.Faults.Add("burst:1,retry-after=30s,path=/api-ws/v1/stream");
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var options = StreamSandbox.Options(sandbox);
        options.TimeProvider = time;
        await using var stream = new MistStream(options);
        var limited = new TaskCompletionSource<MistStreamException>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.OnError(e => limited.TrySetResult(e));

        var start = stream.StartAsync(StreamSandbox.Token);
        var error = await StreamSandbox.Within(limited.Task);
        Assert.Equal(MistStreamErrorKind.RateLimited, error.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.False(start.IsCompleted);

        var advanced = TimeSpan.Zero;
        while (!start.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            time.Advance(TimeSpan.FromSeconds(5));
            advanced += TimeSpan.FromSeconds(5);
            await Task.WhenAny(start, Task.Delay(20, StreamSandbox.Token));
        }

        await StreamSandbox.Within(start);
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"reconnected after {advanced} of clock time");
        Assert.Equal(1, sandbox.Streams.ConnectionsAccepted);
    }

    [Fact]
    public async Task Logs_WholeLifecycleWithFailures_NeverContainTheToken()
    {
        await using var sandbox = await StreamSandbox.StartAsync();
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        const string badToken = "bad0token0that0must0not0leak";
        await using (var refused = new MistStream(StreamSandbox.Options(sandbox, badToken), factory))
        {
            await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(refused.StartAsync(StreamSandbox.Token)));
        }

        var token = sandbox.Seed.Tokens[0];
        var options = StreamSandbox.Options(sandbox);
        await using (var stream = new MistStream(options, factory))
        {
            await stream.StartAsync(StreamSandbox.Token);
            await Assert.ThrowsAsync<MistStreamException>(() => StreamSandbox.Within(stream.SubscribeAsync(MistChannel.Raw("/unknown"), StreamSandbox.Token)));
            sandbox.Streams.DisconnectAll();
            await StreamSandbox.EventuallyAsync(() => stream.Statistics.Reconnects == 1, "reconnected");
        }

        Assert.NotEmpty(provider.Lines);
        Assert.DoesNotContain(provider.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(badToken, StringComparison.Ordinal));
        Assert.DoesNotContain(token, options.Credentials!.ToString(), StringComparison.Ordinal);
    }
}
