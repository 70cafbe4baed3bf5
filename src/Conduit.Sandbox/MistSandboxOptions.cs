using Microsoft.Extensions.Logging;

namespace Conduit.Sandbox;

/// <summary>Options of a <see cref="MistSandbox"/>; checked by <see cref="Validate"/> when it starts.</summary>
public sealed class MistSandboxOptions
{
    /// <summary>The HTTP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The HTTPS port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int HttpsPort { get; set; }

    /// <summary>Whether to serve HTTPS with a certificate generated at start; true by default.</summary>
    public bool EnableHttps { get; set; } = true;

    /// <summary>
    /// Where to write the HTTPS certificate as PEM; by default a new file in the temp folder, deleted
    /// when the sandbox is disposed.
    /// </summary>
    public string? CertificatePemPath { get; set; }

    /// <summary>The API tokens accepted (<c>Authorization: Token …</c>), all of the demo admin; one is generated from <see cref="Seed"/> when empty.</summary>
    public IList<string> Tokens { get; } = [];

    /// <summary>The seed of the demo data, ids and fault randomness; the same seed gives the same sandbox.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How many sites the demo org has; 5 by default.</summary>
    public int SiteCount { get; set; } = 5;

    /// <summary>How many devices the demo org has (about a tenth unassigned); 300 by default.</summary>
    public int DeviceCount { get; set; } = 300;

    /// <summary>Each token's (and each session user's) budget per hour; 5000 like Mist.</summary>
    public int HourlyQuota { get; set; } = 5000;

    /// <summary>Whether a 429 carries <c>Retry-After</c>; true by default (the real service documents none).</summary>
    public bool SendRetryAfter { get; set; } = true;

    /// <summary>Whether answers carry <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c>; false by default.</summary>
    public bool SendRateLimitHeaders { get; set; }

    /// <summary>The fault rules in force from the start (change them later through <see cref="MistSandbox.Faults"/>).</summary>
    public IList<MistSandboxFault> Faults { get; } = [];

    /// <summary>The header counted as a request id by <see cref="MistSandbox.Counters"/>; <c>X-Request-Id</c> by default.</summary>
    public string RequestIdHeader { get; set; } = "X-Request-Id";

    /// <summary>The largest request body accepted, in bytes; larger ones get 413. 4 MiB by default.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How often every subscribed channel with periodic events (device, client, MxEdge and location
    /// stats, insights) gets one data frame on the WebSocket stream; 1 s by default.
    /// <see cref="TimeSpan.Zero"/> turns periodic events off (events after REST writes and
    /// <see cref="MistSandboxStreams.Publish"/> still flow). Driven by <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan StreamInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many channels one WebSocket connection may subscribe to; 2000 like Mist.</summary>
    public int StreamMaxSubscriptions { get; set; } = 2000;

    /// <summary>
    /// How many frames wait at most in one WebSocket connection's send queue; when a slow client lets
    /// it fill, the oldest frame is dropped (and counted in <see cref="MistSandboxStreams.FramesDropped"/>).
    /// 4096 by default.
    /// </summary>
    public int StreamSendQueueCapacity { get; set; } = 4096;

    /// <summary>The clock of quotas, sessions, timestamps and fault delays; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the sandbox logs (never secrets); nothing is logged by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Lists every problem with these options (empty when they are valid).</summary>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        CheckPort(errors, nameof(Port), Port);
        CheckPort(errors, nameof(HttpsPort), HttpsPort);
        if (EnableHttps && Port != 0 && Port == HttpsPort)
        {
            errors.Add($"{nameof(Port)} and {nameof(HttpsPort)} must differ (both {Port}).");
        }

        if (SiteCount is < 1 or > 1000)
        {
            errors.Add($"{nameof(SiteCount)} must be between 1 and 1000 (was {SiteCount}).");
        }

        if (DeviceCount is < 0 or > 100_000)
        {
            errors.Add($"{nameof(DeviceCount)} must be between 0 and 100000 (was {DeviceCount}).");
        }

        if (HourlyQuota < 1)
        {
            errors.Add($"{nameof(HourlyQuota)} must be at least 1 (was {HourlyQuota}).");
        }

        if (Tokens.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{nameof(Tokens)} must not contain empty tokens.");
        }

        if (Tokens.Any(t => t is not null && t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            errors.Add($"{nameof(Tokens)} must not contain whitespace or control characters.");
        }

        if (string.IsNullOrWhiteSpace(RequestIdHeader))
        {
            errors.Add($"{nameof(RequestIdHeader)} must not be empty.");
        }

        if (MaxRequestBodyBytes < 1024)
        {
            errors.Add($"{nameof(MaxRequestBodyBytes)} must be at least 1024 (was {MaxRequestBodyBytes}).");
        }

        if (StreamInterval != TimeSpan.Zero && (StreamInterval < TimeSpan.FromMilliseconds(1) || StreamInterval > TimeSpan.FromHours(1)))
        {
            errors.Add($"{nameof(StreamInterval)} must be zero (off) or between 1 ms and 1 hour (was {StreamInterval}).");
        }

        if (StreamMaxSubscriptions is < 1 or > 100_000)
        {
            errors.Add($"{nameof(StreamMaxSubscriptions)} must be between 1 and 100000 (was {StreamMaxSubscriptions}).");
        }

        if (StreamSendQueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add($"{nameof(StreamSendQueueCapacity)} must be between 1 and 1000000 (was {StreamSendQueueCapacity}).");
        }

        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} must not be null.");
        }

        foreach (var fault in Faults)
        {
            errors.AddRange(fault is null ? ["Faults must not contain null."] : fault.GetErrors().Select(e => $"Fault {fault.Kind}: {e}"));
        }

        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public void Validate()
    {
        var errors = GetErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(MistSandboxOptions)}: {string.Join(" ", errors)}");
        }
    }

    private static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 0 or > 65535)
        {
            errors.Add($"{name} must be between 0 and 65535 (was {port}).");
        }
    }
}
