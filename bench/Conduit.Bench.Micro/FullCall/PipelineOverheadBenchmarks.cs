using BenchmarkDotNet.Attributes;
using Conduit.Http;

namespace Conduit.Bench.Micro.FullCall;

/// <summary>
/// Conduit's own work per call, without the network: one GET answered from memory (<see cref="InMemoryHandler"/>), by raw
/// <see cref="HttpClient"/> and by a <see cref="ConduitClient"/> over the same kind of HttpClient with the load
/// harness's full pipeline. The difference is the CPU time and allocation that the pipeline adds to a call.
/// </summary>
[MemoryDiagnoser]
public class PipelineOverheadBenchmarks
{
    private static readonly Uri BaseAddress = new("http://127.0.0.1:5000/");
    private HttpClient _raw = null!;
    private ConduitClient _conduit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new HttpClient(new InMemoryHandler()) { BaseAddress = BaseAddress };
        var options = new ConduitClientOptions { Name = "bench", BaseAddress = BaseAddress };
        CallSetups.FullOptions(options);
        _conduit = new ConduitClient(new HttpClient(new InMemoryHandler()), options, disposeHttpClient: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _conduit.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<byte[]> RawHttpClient()
    {
        using var response = await _raw.GetAsync(CallSetups.JsonPath, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    [Benchmark]
    public async Task<ReadOnlyMemory<byte>> ConduitFullPipeline() => (await _conduit.GetAsync("json").ConfigureAwait(false)).Content;
}
