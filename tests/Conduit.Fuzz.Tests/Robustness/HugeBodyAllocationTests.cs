using Conduit.Fuzz.Tests.Infrastructure;
using Conduit.Http;
using Conduit.Http.Resilience;

namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>
/// A body far beyond MaxResponseBodySize — declared, chunked, or a gzip bomb — fails the call with an ApiException
/// while the process allocates a small fraction of the body's size.
/// </summary>
[Collection(nameof(AllocationCollection))]
public sealed class HugeBodyAllocationTests(FuzzReport report)
{
    private const long BodySize = 64L * 1024 * 1024;
    private const int Limit = 1024 * 1024;

    // "Far below the body size": a quarter of the limit's 64x headroom, covering the client's pooled read buffers,
    // the server's own writes and the runtime's bookkeeping.
    private const long AllocationBudget = BodySize / 4;

    [Theory]
    [InlineData(BodyMode.Huge, true, true)]
    [InlineData(BodyMode.Huge, true, false)]
    [InlineData(BodyMode.Huge, false, true)]
    [InlineData(BodyMode.Huge, false, false)]
    [InlineData(BodyMode.GzipBomb, true, true)]
    [InlineData(BodyMode.GzipBomb, true, false)]
    public async Task HugeBody_FailsWithApiException_AllocatingFarLessThanTheBody(BodyMode mode, bool declareLength, bool async)
    {
        await using var server = await MisbehavingServer.StartAsync();
        var url = server.Add(new ResponseScenario("huge body", mode.ToString(), new HttpPlan(200, [("Content-Type", "application/json")], [], mode, BodySize, declareLength), null));
        using var client = new ConduitClient(new ConduitClientOptions
        {
            Name = "allocation",
            MaxResponseBodySize = Limit,
            Retry = new RetryOptions { MaxRetries = 0 },
            AttemptTimeout = TimeSpan.FromSeconds(30),
            TotalTimeout = TimeSpan.FromSeconds(60),
        });
        // Warm up connection pools, JIT and the gzip bomb (built once) so only the call itself is measured.
        await Record.ExceptionAsync(() => client.SendAsync(ApiRequest.Get(url.AbsoluteUri), TestContext.Current.CancellationToken));

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = async
            ? await Record.ExceptionAsync(() => client.SendAsync(ApiRequest.Get(url.AbsoluteUri), TestContext.Current.CancellationToken))
            : await Task.Run(() => Record.Exception(() => client.Send(ApiRequest.Get(url.AbsoluteUri), TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var name = $"Allocated refusing a 64 MiB body ({mode}, {(declareLength ? "declared" : "chunked")}, {(async ? "async" : "sync")}), limit 1 MiB";
        report.Measure(name, $"{allocated / 1024.0 / 1024.0:F2} MiB");
        TestContext.Current.TestOutputHelper!.WriteLine($"{name}: {allocated:N0} bytes; {ex?.GetType().Name}: {ex?.Message}");
        var apiException = Assert.IsAssignableFrom<ApiException>(ex);
        Assert.Contains("MaxResponseBodySize", apiException.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBudget);
    }
}
