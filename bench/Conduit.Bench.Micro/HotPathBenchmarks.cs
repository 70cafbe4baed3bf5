using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Http.Redaction;
using Conduit.Http.Resilience;

namespace Conduit.Bench.Micro;

/// <summary>The per-request pieces of the pipeline, each measured alone.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly byte[] DeviceListJson = Encoding.UTF8.GetBytes(
        "[" + string.Join(',', Enumerable.Range(0, 100).Select(i =>
            $"{{\"id\":\"00000000-0000-0000-1000-5c5b35{i:D6}\",\"mac\":\"5c5b35{i:D6}\",\"name\":\"ap-{i:D3}\",\"model\":\"AP45\",\"type\":\"ap\",\"site_id\":\"978c48e6-6ef6-11e6-8bbf-02e208b2d34f\",\"serial\":\"A0703{i:D5}\",\"connected\":true,\"uptime\":{i * 100}}}")) + "]");

    private static readonly byte[] SecretJson = Encoding.UTF8.GetBytes("""{"ssid":"corp","psk":"hunter22-secret","auth":{"type":"psk","enterprise":false},"vlan_id":10,"name":"lab"}""");

    private readonly HeaderAuthentication _auth = HeaderAuthentication.MistToken("0123456789abcdef0123456789abcdef");
    private readonly SecretRedactor _redactor = new(new RedactionOptions());
    private readonly TimedTokenBucketRateLimiter _limiter = new(new RateLimitOptions { RequestsPerWindow = int.MaxValue / 2, Burst = int.MaxValue / 2 });
    private readonly Uri _uri = new("https://api.mist.com/api/v1/orgs/2818e386-8dec-2562-9ede-5b8a0fbbdc71/devices?limit=100&page=2");

    [GlobalSetup]
    public void Setup() => _redactor.AddSecret("0123456789abcdef0123456789abcdef");

    [Benchmark]
    public ApiRequest BuildRequest() =>
        ApiRequest.Get("orgs/{0}/inventory", "2818e386-8dec-2562-9ede-5b8a0fbbdc71").WithQuery("limit", 100).WithQuery("page", 2).WithQuery("unassigned", false);

    [Benchmark]
    public void ApplyAuthHeader()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, _uri);
        _auth.Apply(message);
    }

    [Benchmark]
    public Uri? RedactUrlWithoutSecrets() => _redactor.RedactUri(_uri);

    [Benchmark]
    public string RedactJsonBody() => _redactor.RedactJson(SecretJson);

    [Benchmark]
    public bool ParseRetryAfter() => RetryAfterParser.TryParse("Wed, 21 Oct 2026 07:28:00 GMT", DateTimeOffset.UnixEpoch, out _);

    private readonly RetryDelayCalculator _delays = new(new RetryOptions());

    [Benchmark]
    public TimeSpan ComputeRetryDelay() => _delays.GetDelay(3, retryAfter: null);

    [Benchmark]
    public bool AcquireRateLimitToken()
    {
        using var lease = _limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    [Benchmark]
    public Device[] DeserializeDeviceList() => JsonSerializer.Deserialize(DeviceListJson, MicroJson.Default.DeviceArray)!;

    [Benchmark]
    public byte[] SerializeDeviceList() => JsonSerializer.SerializeToUtf8Bytes(Devices, MicroJson.Default.DeviceArray);

    private static readonly Device[] Devices = JsonSerializer.Deserialize(DeviceListJson, MicroJson.Default.DeviceArray)!;
}

/// <summary>A Mist device as the benchmarks read it.</summary>
public sealed record Device(string Id, string Mac, string Name, string Model, string Type, string SiteId, string Serial, bool Connected, long Uptime);

/// <summary>Source-generated JSON metadata for the benchmarks.</summary>
[JsonSerializable(typeof(Device[]))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
public sealed partial class MicroJson : JsonSerializerContext;
