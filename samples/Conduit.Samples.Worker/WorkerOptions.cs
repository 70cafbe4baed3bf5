namespace Conduit.Samples.Worker;

/// <summary>What the worker polls and how often (section <c>Worker</c> of appsettings.json).</summary>
internal sealed class WorkerOptions
{
    /// <summary>The integration to call, by name (an entry of <c>Conduit:Integrations</c>).</summary>
    public string Integration { get; set; } = "mist";

    /// <summary>The path to GET, relative to the integration's base URL.</summary>
    public string Path { get; set; } = "self";

    /// <summary>The time between two polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Poll once, check health once, then stop the host (set by <c>--run-once</c>).</summary>
    public bool RunOnce { get; set; }
}
