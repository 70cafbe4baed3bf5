using System.Diagnostics;
using System.Text.Json;
using Conduit.Http;

namespace Conduit.Chaos.Tests.Mixed;

/// <summary>
/// The mixed workload: call <c>i</c> is a GET (i mod 10 in 0–3), a PUT (4–5), a keyed POST creating a
/// site (6–7) or an unkeyed POST creating a WLAN (8–9), on the sandbox's seeded sites, each with the
/// request id <c>chaos-{i}</c> and a unique name, run by a fixed number of concurrent workers.
/// </summary>
internal sealed class MixedWorkload(ConduitClient client, string orgId, IReadOnlyList<string> siteIds)
{
    public const string SitePrefix = "chaos-key-";
    public const string WlanPrefix = "chaos-wlan-";

    public static string RequestId(int index) => $"chaos-{index}";

    public static string IdempotencyKey(int index) => $"{SitePrefix}{index}";

    public static CallKind KindOf(int index) => (index % 10) switch
    {
        < 4 => CallKind.Get,
        < 6 => CallKind.Put,
        < 8 => CallKind.PostWithKey,
        _ => CallKind.PostWithoutKey,
    };

    public string SitePath(int index) => $"api/v1/sites/{siteIds[index % siteIds.Count]}";

    public string SitesPath => $"api/v1/orgs/{orgId}/sites";

    public ApiRequest Request(int index)
    {
        var request = KindOf(index) switch
        {
            CallKind.Get => ApiRequest.Get(SitePath(index)),
            CallKind.Put => ApiRequest.Put(SitePath(index)).WithBody(JsonBody.FromText($$"""{"notes": "chaos put {{index}}"}""")),
            CallKind.PostWithKey => ApiRequest.Post(SitesPath).WithBody(JsonBody.FromText($$"""{"name": "{{SitePrefix}}{{index}}"}""")).WithIdempotencyKey(IdempotencyKey(index)),
            _ => ApiRequest.Post($"{SitePath(index)}/wlans").WithBody(JsonBody.FromText($$"""{"ssid": "{{WlanPrefix}}{{index}}"}""")),
        };
        return request.WithHeader("X-Request-Id", RequestId(index));
    }

    public async Task<CallRecord[]> RunAsync(int calls, int concurrency, CancellationToken cancellationToken)
    {
        var records = new CallRecord[calls];
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                records[index] = await CallAsync(index, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
        return records;
    }

    private async Task<CallRecord> CallAsync(int index, CancellationToken cancellationToken)
    {
        var kind = KindOf(index);
        var request = Request(index);
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await client.SendAsync(request, cancellationToken);
            watch.Stop();
            var createdId = kind is CallKind.PostWithKey or CallKind.PostWithoutKey ? IdOf(response) : null;
            return new CallRecord(index, kind, watch.Elapsed, (int)response.StatusCode, null, response.Attempts, createdId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Every exception is recorded, typed or not: the test asserts that only the typed family appears.
            watch.Stop();
            return new CallRecord(index, kind, watch.Elapsed, (ex as ApiException)?.StatusCode, ex.GetType(), 0, null);
        }
    }

    private static string? IdOf(ApiResponse response)
    {
        using var document = response.ReadJsonDocument();
        return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
