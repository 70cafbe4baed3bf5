using System.Collections.Concurrent;
using Conduit.Http.Tests.Infrastructure;
using Conduit.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Http.Tests.Pipeline;

/// <summary>
/// Synchronous calls whose timeout fires while the body is still arriving (a 200 KB body sent in 7-byte chunks) must end
/// with a timeout, soon, and leave the client's connections clean: before the fix, the timeout disposed the response
/// stream while the calling thread was reading it, which drained the body on the timer's thread at the same time, put
/// connections back in the pool mid-body (the next request read the previous body as its status line:
/// ArgumentOutOfRangeException from HttpConnection.ParseStatusLine) or left a read blocked for over a minute.
/// </summary>
public sealed class SyncCancellationMidBodyTests : IAsyncLifetime
{
    private static readonly byte[] SlowBody = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', 200_000) + "\"}");

    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/slow-body", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            try
            {
                for (var i = 0; i < SlowBody.Length; i += 7)
                {
                    await context.Response.Body.WriteAsync(SlowBody.AsMemory(i, Math.Min(7, SlowBody.Length - i)), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client gave up mid-body, as it should.
            }
        });
        app.MapGet("/small", () => Results.Text("{\"id\":\"ok\"}", "application/json"));
    });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TimeoutMidBody_EndsTheCallAndLeavesTheConnectionsClean(bool ownHandler)
    {
        var options = TestClients.FastOptions(_server.BaseAddress, maxRetries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(40);
        options.TotalTimeout = TimeSpan.FromMilliseconds(120);
        options.MaxResponseBodySize = 1024 * 1024;
        using var client = ownHandler
            ? new ConduitClient(options)
            : new ConduitClient(new HttpClient(new SocketsHttpHandler()), options, disposeHttpClient: true);
        var failures = new ConcurrentQueue<string>();
        var timedOut = 0;
        var answered = 0;

        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 15; i++)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    client.Send(ApiRequest.Get("slow-body"), TestContext.Current.CancellationToken);
                }
                catch (ApiTimeoutException)
                {
                    Interlocked.Increment(ref timedOut);
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"slow-body: {ex.GetType().Name}: {ex.Message}");
                }

                // Not a speed check: a hang guard far above the 120 ms total timeout.
                if (started.Elapsed > TimeSpan.FromSeconds(10))
                {
                    failures.Enqueue($"slow-body call took {started.Elapsed.TotalSeconds:F1} s");
                }

                try
                {
                    // The next request on the same client gets its own, whole answer.
                    // (On a loaded machine it may time out too: that is not what this looks for.)
                    var small = client.Send(ApiRequest.Get("small"), TestContext.Current.CancellationToken);
                    if (small.Text == "{\"id\":\"ok\"}")
                    {
                        Interlocked.Increment(ref answered);
                    }
                    else
                    {
                        failures.Enqueue($"small: unexpected body of {small.Content.Length} bytes");
                    }
                }
                catch (ApiTimeoutException)
                {
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"small: {ex.GetType().Name}: {ex.Message}");
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.True(timedOut > 0, "no call timed out mid-body: the test did not exercise the race");
        Assert.True(answered > 0, "no small request was answered");
    }
}
