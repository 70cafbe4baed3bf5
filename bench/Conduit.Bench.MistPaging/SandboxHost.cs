using System.Globalization;
using System.Text.Json.Nodes;
using Conduit.Sandbox;

/// <summary>
/// The benchmark's server side (<c>serve</c> mode): a sandbox in its own process, so the client's and the
/// server's CPU are counted apart. It prints one JSON line (base URL, org and site ids), then serves until its
/// standard input closes.
/// </summary>
internal static class SandboxHost
{
    /// <summary>The path of the device list that gets the injected latency (every site).</summary>
    public const string LatencyPattern = "/api/v1/sites/*/devices";

    public static async Task<int> RunAsync(string[] args)
    {
        var devices = int.Parse(Option(args, "--devices") ?? "22222", CultureInfo.InvariantCulture);
        var latency = int.Parse(Option(args, "--latency-ms") ?? "20", CultureInfo.InvariantCulture);
        var token = Option(args, "--token") ?? throw new ArgumentException("serve needs --token.");
        var options = new MistSandboxOptions { DeviceCount = devices, SiteCount = 1, EnableHttps = false, HourlyQuota = 1_000_000, StreamInterval = TimeSpan.Zero };
        options.Tokens.Add(token);
        if (latency > 0)
        {
            options.Faults.Add(new MistSandboxFault { Kind = MistSandboxFaultKind.Latency, PathPattern = LatencyPattern, Delay = TimeSpan.FromMilliseconds(latency) });
        }

        await using var sandbox = await MistSandbox.StartAsync(options);
        var ready = new JsonObject { ["url"] = sandbox.BaseUrl, ["orgId"] = sandbox.Seed.OrgId, ["siteId"] = sandbox.Seed.SiteIds[0] };
        await Console.Out.WriteLineAsync(ready.ToJsonString());
        await Console.Out.FlushAsync();

        if (Option(args, "--seconds") is { } seconds)
        {
            // A fixed time, for attaching a profiler to a sandbox the benchmark is pointed at (--server).
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)));
            return 0;
        }

        // Serve until the benchmark closes our standard input (or dies).
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
