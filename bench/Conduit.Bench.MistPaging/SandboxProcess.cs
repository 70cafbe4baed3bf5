using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

/// <summary>A sandbox running in a child process (this program in <c>serve</c> mode), and its CPU time.</summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process? process;

    private SandboxProcess(Process? process, string baseUrl, string orgId, string siteId)
    {
        this.process = process;
        BaseUrl = baseUrl;
        OrgId = orgId;
        SiteId = siteId;
    }

    public string BaseUrl { get; }

    public string OrgId { get; }

    public string SiteId { get; }

    /// <summary>The CPU time the server process has used so far (user + system); null for a sandbox started elsewhere.</summary>
    public TimeSpan? CpuTime
    {
        get
        {
            if (process is null)
            {
                return null;
            }

            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>A sandbox already running (<c>serve --seconds N</c>), e.g. one a profiler is attached to.</summary>
    public static SandboxProcess Attach(string baseUrl, string orgId, string siteId) => new(null, baseUrl, orgId, siteId);

    public static async Task<SandboxProcess> StartAsync(int devices, int latencyMs, string token)
    {
        var self = Assembly.GetEntryAssembly()!.Location;
        var host = Environment.ProcessPath!;
        // The web host watches its content root (the working directory) for configuration changes: start it in the
        // benchmark's own folder, not in a source tree where concurrent builds would keep its watcher busy.
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(self);
        }

        foreach (var arg in new[] { "serve", "--devices", devices.ToString(System.Globalization.CultureInfo.InvariantCulture), "--latency-ms", latencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", token })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox process.");
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process exited before it was ready.");
        var ready = JsonNode.Parse(line)!;
        return new SandboxProcess(process, (string)ready["url"]!, (string)ready["orgId"]!, (string)ready["siteId"]!);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
    }
}
