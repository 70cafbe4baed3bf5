using BenchmarkDotNet.Attributes;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// One whole <c>GET /json</c> against the loopback target in a child process: raw <see cref="HttpClient"/> as the load
/// harness uses it (and over the handler Conduit builds, which adds automatic decompression), and Conduit bare and with
/// the harness's full pipeline. In process, so that the target can be started from this assembly; the allocation column
/// is then the client's alone. Times include the server's and the loopback's, so they are only as steady as the
/// machine is idle. For every feature's share of the allocation, see <see cref="AllocationProbe"/> (<c>-- alloc</c>).
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class FullCallBenchmarks
{
    private LoopbackTarget _target = null!;
    private CallDriver _raw = null!;
    private CallDriver _bare = null!;
    private CallDriver _full = null!;
    private CallDriver _rawConduitHandler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _target = LoopbackTarget.Start();
        _raw = CallSetups.All[0].Create(_target.BaseAddress);
        _bare = CallSetups.All.First(v => v.Name.StartsWith("Conduit bare", StringComparison.Ordinal)).Create(_target.BaseAddress);
        _full = CallSetups.All.First(v => v.Name.StartsWith("Conduit full pipeline", StringComparison.Ordinal)).Create(_target.BaseAddress);
        _rawConduitHandler = CallSetups.All.First(v => v.Name.StartsWith("raw HttpClient, Conduit's handler", StringComparison.Ordinal)).Create(_target.BaseAddress);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _bare.Dispose();
        _full.Dispose();
        _rawConduitHandler.Dispose();
        _target.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task RawHttpClient() => _raw.SendAsync();

    [Benchmark]
    public Task ConduitBare() => _bare.SendAsync();

    [Benchmark]
    public Task ConduitFullPipeline() => _full.SendAsync();

    [Benchmark]
    public Task RawConduitHandler() => _rawConduitHandler.SendAsync();
}
