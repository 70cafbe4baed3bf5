using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Conduit.Http.Telemetry;

/// <summary>
/// The names Conduit reports under. OpenTelemetry collects them with
/// <c>.AddMeter(ConduitHttpTelemetry.MeterName)</c> and <c>.AddSource(ConduitHttpTelemetry.ActivitySourceName)</c>.
/// </summary>
public static class ConduitHttpTelemetry
{
    /// <summary>The meter name: <c>Conduit.Http</c>.</summary>
    public const string MeterName = "Conduit.Http";

    /// <summary>The activity source name: <c>Conduit.Http</c>.</summary>
    public const string ActivitySourceName = "Conduit.Http";

    /// <summary>Counter of calls completed (one per call, whatever its attempts), tagged with the outcome.</summary>
    public const string RequestsInstrument = "conduit.http.client.requests";

    /// <summary>Counter of calls that ended in an exception or an error status.</summary>
    public const string FailuresInstrument = "conduit.http.client.failures";

    /// <summary>Counter of retries (attempts after the first).</summary>
    public const string RetriesInstrument = "conduit.http.client.retries";

    /// <summary>Histogram of call duration in seconds, retries and waits included.</summary>
    public const string DurationInstrument = "conduit.http.client.request.duration";

    /// <summary>Counter of sends that had to wait for the client-side or server-signalled rate limit.</summary>
    public const string RateLimitWaitsInstrument = "conduit.http.client.rate_limit.waits";

    /// <summary>Counter of responses whose <c>X-RateLimit-Remaining</c> was at or below the warning threshold.</summary>
    public const string LowQuotaInstrument = "conduit.http.client.rate_limit.low_quota";

    /// <summary>Tag: the client's name.</summary>
    public const string ClientTag = "conduit.client";

    /// <summary>Tag: the HTTP method.</summary>
    public const string MethodTag = "http.request.method";

    /// <summary>Tag: the final status code (absent when no response arrived).</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: the exception type name of a failed call.</summary>
    public const string ErrorTypeTag = "error.type";
}

/// <summary>The instruments of one meter, created once per meter factory.</summary>
internal sealed class ConduitHttpInstruments
{
    internal static readonly ActivitySource ActivitySource = new(ConduitHttpTelemetry.ActivitySourceName);

    public ConduitHttpInstruments(Meter meter)
    {
        Requests = meter.CreateCounter<long>(ConduitHttpTelemetry.RequestsInstrument, "{request}", "HTTP calls completed by Conduit clients.");
        Failures = meter.CreateCounter<long>(ConduitHttpTelemetry.FailuresInstrument, "{request}", "HTTP calls that failed.");
        Retries = meter.CreateCounter<long>(ConduitHttpTelemetry.RetriesInstrument, "{retry}", "Retries of HTTP calls.");
        Duration = meter.CreateHistogram<double>(ConduitHttpTelemetry.DurationInstrument, "s", "Duration of HTTP calls, retries included.");
        RateLimitWaits = meter.CreateCounter<long>(ConduitHttpTelemetry.RateLimitWaitsInstrument, "{wait}", "Sends delayed by a rate limit.");
        LowQuota = meter.CreateCounter<long>(ConduitHttpTelemetry.LowQuotaInstrument, "{response}", "Responses reporting a low remaining quota.");
    }

    /// <summary>The instruments of the shared static meter, used when no <see cref="IMeterFactory"/> is given.</summary>
    public static ConduitHttpInstruments Shared { get; } = new(new Meter(ConduitHttpTelemetry.MeterName));

    public Counter<long> Requests { get; }

    public Counter<long> Failures { get; }

    public Counter<long> Retries { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> RateLimitWaits { get; }

    public Counter<long> LowQuota { get; }

    public static ConduitHttpInstruments Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new ConduitHttpInstruments(meterFactory.Create(ConduitHttpTelemetry.MeterName));
}
