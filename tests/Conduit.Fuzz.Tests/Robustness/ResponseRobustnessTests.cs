using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Conduit.Fuzz.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Http.RateLimiting;
using Conduit.Http.Resilience;
using CsCheck;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// ConduitClient against responses that break every rule (random statuses and JSON, malformed JSON, invalid UTF-8,
/// huge, stalled and slow bodies, wrong Content-Length, invalid header values, odd status lines): every call, sync and
/// async, typed and raw, returns a response or throws the ApiException family, within its timeouts.
/// </summary>
public sealed class ResponseRobustnessTests(FuzzReport report)
{
    private const string Target = "ConduitClient against misbehaving responses (calls by outcome)";

    // A call that outlives this is a hang, whatever its timeouts say.
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromMilliseconds(1500);

    private static readonly (string Name, bool Async, bool Typed, bool Throw)[] Calls =
    [
        ("async raw", true, false, false), ("async typed", true, true, true), ("sync raw", false, false, true), ("sync typed", false, true, true),
    ];

    [Fact]
    public async Task AnyResponse_EveryApi_ReturnsOrThrowsApiExceptionWithinItsTimeouts()
    {
        await using var server = await MisbehavingServer.StartAsync();
        // The sync-stall probe takes seconds while the bug is present: it runs alongside the scenarios, which wait for it
        // only before a synchronous call on a stalling body.
        var syncStallProbe = Task.Run(() => KnownBug.IsPresent(() => SyncCallOnStalledBodyTimesOut(server)), TestContext.Current.CancellationToken);
        var bugs = new ResponseBugs(
            Calendar: KnownBug.IsPresent(RetryAfterPastYear9999IsHandled),
            BadGzip: KnownBug.IsPresent(() => GzipEncodingOnPlainBodyIsAnApiException(server)),
            InvalidUtf8Detail: KnownBug.IsPresent(InvalidUtf8DetailIsAnApiException));
        var scenarios = ResponseScenarios.Any(bugs).Array[FuzzCases.Responses, FuzzCases.Responses].Single();
        var crashes = new ConcurrentQueue<string>();
        var slowest = TimeSpan.Zero;
        // Most calls wait on timeouts, not the CPU: many at once keeps the run short.
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = TestContext.Current.CancellationToken };

        await Parallel.ForEachAsync(scenarios, options, async (scenario, _) =>
        {
            var url = server.Add(scenario);
            foreach (var call in Calls)
            {
                if (!call.Async && scenario.BodyStallsAfterHeaders && await syncStallProbe)
                {
                    report.Answer(Target, scenario.Class, "not run: sync call on a stalled body (known bug)");
                    continue;
                }

                var clock = Stopwatch.StartNew();
                var outcome = await RunAsync(url, call.Async, call.Typed, call.Throw, scenario, crashes);
                var elapsed = clock.Elapsed;
                lock (crashes)
                {
                    slowest = elapsed > slowest ? elapsed : slowest;
                }

                report.Answer(Target, scenario.Class, outcome);
            }
        });

        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{scenarios.Length} misbehaving responses x {Calls.Length} calls (sync/async, typed/raw); slowest call {slowest.TotalSeconds:F2} s "
            + $"(attempt timeout {AttemptTimeout.TotalSeconds} s, total {TotalTimeout.TotalSeconds} s, watchdog {Watchdog.TotalSeconds} s); known bugs avoided: {bugs}, sync body stall = {await syncStallProbe}.");
        foreach (var line in report.Describe(Target))
        {
            output.WriteLine(line);
        }

        report.Measure("Slowest call against a misbehaving response", $"{slowest.TotalSeconds:F2} s (total timeout {TotalTimeout.TotalSeconds:F1} s)");
        foreach (var crash in crashes.Take(40))
        {
            output.WriteLine("CRASH " + crash);
        }

        Assert.Empty(crashes);
    }

    [Fact]
    public async Task RetryAfterPastYear9999_Throws429NotArgumentOutOfRange()
    {
        await using var server = await MisbehavingServer.StartAsync();
        var url = server.Add(new ResponseScenario("known bug", "429 Retry-After: 400000000000", new HttpPlan(429, [("Retry-After", "400000000000")], [], BodyMode.Buffered, 0, true), null));
        KnownBug.Check(report,
            "A 429 with `Retry-After: 400000000000` (12,700 years, under the parser's TimeSpan.MaxValue/2 limit) makes ConduitClient throw "
            + "ArgumentOutOfRangeException instead of RateLimitedException: `ServerRateLimitGate.Observe` (Http/RateLimiting/ServerRateLimitGate.cs) adds the "
            + "delay to now past DateTimeOffset.MaxValue. The same happens with `X-RateLimit-Remaining: 0` and a far `X-RateLimit-Reset`. Fix: clamp "
            + "`now + delay` to DateTimeOffset.MaxValue (or cap delays in RetryAfterParser).",
            () =>
            {
                // Long timeouts: under the whole suite's load a 500 ms attempt timeout can fire before the 429 arrives.
                var options = Options();
                options.AttemptTimeout = TimeSpan.FromSeconds(10);
                options.TotalTimeout = TimeSpan.FromSeconds(20);
                using var client = new ConduitClient(options);
                var ex = Record.Exception(() => client.Send(ApiRequest.Get(url.AbsoluteUri), TestContext.Current.CancellationToken));
                Assert.IsType<RateLimitedException>(ex);
            });
    }

    [Fact]
    public async Task SyncTimeoutWhileAChunkedBodyArrives_EndsWithATimeoutOnACleanConnection()
    {
        await using var server = await MisbehavingServer.StartAsync();
        var body = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', 150_000) + "\"}");
        var slow = server.Add(new ResponseScenario("known bug", "150 KB in 7-byte chunks", new HttpPlan(200, [], body, BodyMode.Chunked, 0, true), null));
        var small = server.Add(new ResponseScenario("known bug", "small", new HttpPlan(200, [], "{\"id\":\"ok\"}"u8.ToArray(), BodyMode.Buffered, 0, true), null));
        KnownBug.Check(report,
            "A synchronous call whose timeout fires while a large chunked body is still arriving (\"malformed JSON\" scenarios: up to 200 KB in "
            + "7-byte chunks) could block for over a minute or leave a corrupted connection in the pool: the timeout disposed the response stream "
            + "(Http/Pipeline/AttemptSender.cs) while the calling thread read it, SocketsHttpHandler drained the body on the timer's thread at the same "
            + "time, and the next request on that connection read the previous body as its status line (ArgumentOutOfRangeException from "
            + "HttpConnection.ParseStatusLine) or waited on a connection with nothing left to send. Fix: end the connection itself "
            + "(Http/Transport/AbortableConnection.cs), never dispose a stream another thread reads.",
            () =>
            {
                var options = Options();
                options.AttemptTimeout = TimeSpan.FromMilliseconds(40);
                options.TotalTimeout = TimeSpan.FromMilliseconds(120);
                using var client = new ConduitClient(options);
                for (var i = 0; i < 20; i++)
                {
                    var call = Task.Factory.StartNew(
                        () =>
                        {
                            var slowCall = Record.Exception(() => client.Send(ApiRequest.Get(slow.AbsoluteUri), TestContext.Current.CancellationToken));
                            var smallCall = Record.Exception(() => client.Send(ApiRequest.Get(small.AbsoluteUri), TestContext.Current.CancellationToken));
                            return (slowCall, smallCall);
                        },
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    Assert.True(call.Wait(Watchdog), $"a synchronous call was still blocked after {Watchdog.TotalSeconds} s");
                    Assert.True(call.Result.slowCall is null or ApiException, call.Result.slowCall?.ToString());
                    Assert.True(call.Result.smallCall is null or ApiTimeoutException, call.Result.smallCall?.ToString());
                }
            });
    }

    [Fact]
    public async Task GzipEncodingOnPlainBody_ThrowsApiException()
    {
        await using var server = await MisbehavingServer.StartAsync();
        KnownBug.Check(report,
            "A response with `Content-Encoding: gzip` whose body is not gzip (`HTTP/1.1 200 OK`, `Content-Encoding: gzip`, a 39-byte JSON body) "
            + "makes ConduitClient (sync and async) throw System.IO.InvalidDataException from the decompressing stream: "
            + "`HttpCallPipeline.Translate` (Http/Pipeline/HttpCallPipeline.cs) maps HttpRequestException/HttpIOException/IOException to "
            + "ApiConnectionException, and InvalidDataException is none of them. Fix: translate InvalidDataException too.",
            () => GzipEncodingOnPlainBodyIsAnApiException(server));
    }

    [Fact]
    public void ErrorDetailWithInvalidUtf8_ThrowsApiException() =>
        KnownBug.Check(report,
            "An error response whose JSON `detail` holds invalid UTF-8 (status 400, body bytes `{\"detail\":\"` 0xFF `\"}`) makes ConduitClient throw "
            + "InvalidOperationException (\"Cannot transcode invalid UTF-8\") instead of BadRequestException: `ApiErrorDetails.Extract` "
            + "(Http/Errors/ApiErrorDetails.cs) calls JsonElement.GetString and catches only JsonException. Fix: catch InvalidOperationException there "
            + "(and fall back to the raw text).",
            InvalidUtf8DetailIsAnApiException);

    [Fact]
    public async Task SyncCall_BodyStallsAfterHeaders_TimesOut()
    {
        await using var server = await MisbehavingServer.StartAsync();
        KnownBug.Check(report,
            "A synchronous call (`client.Send`, typed or raw) to a server that sends the headers (`200`, `Content-Length: 1000`) and then stops sending "
            + "the body blocks until the server closes the connection: AttemptTimeout and TotalTimeout never fire, because `AttemptSender` "
            + "(Http/Pipeline/AttemptSender.cs) reads the body with `Stream.Read`, which ignores the cancellation token (the async path honours it). "
            + "Fix: in the sync path register the token to dispose the response (or its stream) so the blocked Read ends.",
            () => SyncCallOnStalledBodyTimesOut(server));
    }

    /// <summary>The regression behind <see cref="RetryAfterPastYear9999_Throws429NotArgumentOutOfRange"/>, without a server (steers the generators).</summary>
    internal static void RetryAfterPastYear9999IsHandled()
    {
        using var message = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        message.Headers.TryAddWithoutValidation("Retry-After", "400000000000");
        var response = new ApiResponse(HttpStatusCode.TooManyRequests, ReadOnlyMemory<byte>.Empty, message.Headers);
        _ = new ServerRateLimitGate(new ServerRateLimitOptions(), TimeProvider.System).Observe(response, RetryAfterParser.Parse(response, TimeProvider.System));
        _ = RetryAfterParser.TryParseReset("300000000000", DateTimeOffset.UnixEpoch, out _);
    }

    private static void GzipEncodingOnPlainBodyIsAnApiException(MisbehavingServer server)
    {
        var url = server.Add(new ResponseScenario("known bug", "bad gzip", null,
            new RawPlan("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 39\r\nConnection: close\r\n\r\n{\"id\":\"abcdefghijklmnopqrstuvwxyz0123\"}"u8.ToArray(), RawEnding.Close)));
        // Long timeouts: on a busy machine a timeout would otherwise pass for the fix. A timeout still counts as "not shown
        // fixed", so the generators keep avoiding the input rather than report a crash that is not there.
        var options = Options();
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.TotalTimeout = TimeSpan.FromSeconds(10);
        using var client = new ConduitClient(options);
        var ex = Record.Exception(() => client.Send(ApiRequest.Get(url.AbsoluteUri), TestContext.Current.CancellationToken));
        Assert.True(ex is null or ApiException and not ApiTimeoutException, ex?.GetType().Name);
    }

    private static void InvalidUtf8DetailIsAnApiException()
    {
        var response = new ApiResponse(HttpStatusCode.BadRequest, (byte[])[.. "{\"detail\":\""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()]);
        Assert.IsType<BadRequestException>(Record.Exception(() => response.EnsureSuccess()));
    }

    private static void SyncCallOnStalledBodyTimesOut(MisbehavingServer server)
    {
        var url = server.Add(new ResponseScenario("known bug", "stall after headers", new HttpPlan(200, [], "{\"id\":"u8.ToArray(), BodyMode.StallMidBody, 0, true), null));
        var call = Task.Factory.StartNew(
            () =>
            {
                // Timeouts long enough that the headers always arrive first, even on a loaded machine: the bug is in the body read.
                var options = Options();
                options.AttemptTimeout = TimeSpan.FromSeconds(2);
                options.TotalTimeout = TimeSpan.FromSeconds(3);
                using var client = new ConduitClient(options);
                return Record.Exception(() => client.Send(ApiRequest.Get(url.AbsoluteUri), TestContext.Current.CancellationToken));
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Generous: the call's own total timeout is 3 s. A blocked call ends when the server stops.
        Assert.True(call.Wait(TimeSpan.FromSeconds(12)), "the synchronous call was still blocked after 12 s");
        Assert.IsAssignableFrom<ApiException>(call.Result);
    }

    private static ConduitClientOptions Options() => new()
    {
        Name = "fuzz",
        Retry = new RetryOptions { MaxRetries = 1, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false },
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        MaxResponseBodySize = ResponseScenarios.MaxBodySize,
    };

    /// <summary>Runs one call on a fresh client and names its outcome; anything but a response or an ApiException is a crash.</summary>
    private async Task<string> RunAsync(Uri url, bool async, bool typed, bool throwOnError, ResponseScenario scenario, ConcurrentQueue<string> crashes)
    {
        var api = $"{(async ? "async" : "sync")} {(typed ? "typed" : "raw")}";
        Task<string> call = async
            ? CallAsync(url, typed, throwOnError)
            : Task.Factory.StartNew(() => Call(url, typed, throwOnError), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await call.WaitAsync(Watchdog);
        }
        catch (TimeoutException)
        {
            var crash = $"{api} call hung for more than {Watchdog.TotalSeconds} s on {scenario}";
            crashes.Enqueue(crash);
            report.Crash(crash);
            return "CRASH: hang";
        }
        catch (Exception ex)
        {
            var crash = $"{api} call threw {ex.GetType().Name} ({ex.Message}) on {scenario}";
            crashes.Enqueue(crash);
            report.Crash(crash);
            return "CRASH: " + ex.GetType().Name;
        }
    }

    private static async Task<string> CallAsync(Uri url, bool typed, bool throwOnError)
    {
        using var client = new ConduitClient(Options());
        var request = new ApiRequest(HttpMethod.Get, url.AbsoluteUri) { ThrowOnErrorStatus = throwOnError };
        try
        {
            if (typed)
            {
                var result = await client.SendAsync(request, FuzzJsonContext.Default.FuzzItem, TestContext.Current.CancellationToken);
                return Inspect(result.RawResponse, result.Value);
            }

            return Inspect(await client.SendAsync(request, TestContext.Current.CancellationToken), null);
        }
        catch (ApiException ex)
        {
            return Inspect(ex);
        }
    }

    private static string Call(Uri url, bool typed, bool throwOnError)
    {
        using var client = new ConduitClient(Options());
        var request = new ApiRequest(HttpMethod.Get, url.AbsoluteUri) { ThrowOnErrorStatus = throwOnError };
        try
        {
            if (typed)
            {
                var result = client.Send(request, FuzzJsonContext.Default.FuzzItem, TestContext.Current.CancellationToken);
                return Inspect(result.RawResponse, result.Value);
            }

            return Inspect(client.Send(request, TestContext.Current.CancellationToken), null);
        }
        catch (ApiException ex)
        {
            return Inspect(ex);
        }
    }

    /// <summary>Reads everything a caller might read from a response; none of it may throw outside the ApiException family.</summary>
    private static string Inspect(ApiResponse response, FuzzItem? value)
    {
        _ = response.Text;
        _ = response.ContentType;
        _ = response.GetHeader("Retry-After");
        _ = value?.Child?.Tags?.Count;
        try
        {
            response.EnsureSuccess();
            using var document = response.ReadJsonDocument();
        }
        catch (ApiException ex)
        {
            _ = Inspect(ex);
        }

        return "response " + ((int)response.StatusCode / 100) + "xx";
    }

    private static string Inspect(ApiException ex)
    {
        _ = ex.Message;
        _ = ex.Details;
        _ = ex.ResponseBody;
        _ = ex.StatusCode;
        return ex.GetType().Name;
    }
}
