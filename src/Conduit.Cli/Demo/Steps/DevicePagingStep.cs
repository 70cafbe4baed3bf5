using System.Diagnostics;
using System.Globalization;
using Conduit.Http;
using Conduit.Sandbox;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>
/// Pages through the whole org inventory with 20 ms of injected latency per page, first one page after another, then
/// with the remaining pages fetched concurrently once <c>X-Page-Total</c> is known, and compares the two.
/// </summary>
internal sealed class DevicePagingStep : IDemoStep
{
    private const int PageSize = 100;
    private const int Concurrency = 8;

    public string Name => "paging";

    public string Title => "Page through every device: sequential vs concurrent (20 ms latency per page)";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        var latency = new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, Delay = TimeSpan.FromMilliseconds(20), PathPattern = "/api/v1/orgs/*/inventory" };
        sandbox.Faults.Add(latency);
        try
        {
            using var client = await environment.CreateMistClientAsync(null, cancellationToken).ConfigureAwait(false);
            var (sequential, sequentialTime) = await MeasureAsync(environment, "Sequential", client, sandbox.Seed.OrgId, 1, cancellationToken).ConfigureAwait(false);
            var (concurrent, concurrentTime) = await MeasureAsync(environment, "Concurrent", client, sandbox.Seed.OrgId, Concurrency, cancellationToken).ConfigureAwait(false);
            if (!sequential.SequenceEqual(concurrent) || sequential.Count != sandbox.Seed.DeviceCount)
            {
                throw new InvalidOperationException($"The two runs disagree: {sequential.Count} vs {concurrent.Count} devices (expected {sandbox.Seed.DeviceCount}).");
            }

            var table = new Table().AddColumns("Mode", "Devices", "Pages", "Time");
            var pages = (sequential.Count + PageSize - 1) / PageSize;
            table.AddRow("sequential", sequential.Count.ToString(CultureInfo.InvariantCulture), pages.ToString(CultureInfo.InvariantCulture), $"{sequentialTime.TotalMilliseconds:F0} ms");
            table.AddRow($"concurrent ({Concurrency} in flight)", concurrent.Count.ToString(CultureInfo.InvariantCulture), pages.ToString(CultureInfo.InvariantCulture), $"{concurrentTime.TotalMilliseconds:F0} ms");
            environment.Console.Write(table);
            environment.Console.MarkupLineInterpolated($"Same {sequential.Count} devices in the same order, [green]{sequentialTime / concurrentTime:F1}× faster[/] concurrently.");
        }
        finally
        {
            sandbox.Faults.Remove(latency);
        }
    }

    private static async Task<(List<string> Ids, TimeSpan Elapsed)> MeasureAsync(
        DemoEnvironment environment, string label, ConduitClient client, string orgId, int concurrency, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        List<string>? ids = null;
        await environment.Console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(label + " paging");
            var first = await FetchPageAsync(client, orgId, 1, cancellationToken).ConfigureAwait(false);
            var total = int.Parse(first.Response.GetHeader("X-Page-Total") ?? "0", CultureInfo.InvariantCulture);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            task.MaxValue = pageCount;
            task.Increment(1);
            var pages = new List<string>[pageCount];
            pages[0] = first.Ids;
            using var gate = new SemaphoreSlim(concurrency);
            var fetches = Enumerable.Range(2, pageCount - 1).Select(async page =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    pages[page - 1] = (await FetchPageAsync(client, orgId, page, cancellationToken).ConfigureAwait(false)).Ids;
                    task.Increment(1);
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(fetches).ConfigureAwait(false);
            ids = [.. pages.SelectMany(p => p)];
        }).ConfigureAwait(false);
        return (ids!, watch.Elapsed);
    }

    private static async Task<(ApiResponse Response, List<string> Ids)> FetchPageAsync(ConduitClient client, string orgId, int page, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Get("orgs/{0}/inventory", orgId).WithQuery("limit", PageSize).WithQuery("page", page);
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var json = response.ReadJsonDocument();
        return (response, [.. json.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()!)]);
    }
}
