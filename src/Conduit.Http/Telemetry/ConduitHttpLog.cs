using Microsoft.Extensions.Logging;

namespace Conduit.Http.Telemetry;

/// <summary>The client's log messages, source-generated, with fixed event ids. URLs and values are redacted by the caller.</summary>
internal static partial class ConduitHttpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Client}: sending {Method} {Url} (attempt {Attempt})")]
    public static partial void Sending(ILogger logger, string client, string method, Uri? url, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Client}: {Method} {Url} answered {StatusCode} in {ElapsedMs:F1} ms after {Attempts} attempt(s)")]
    public static partial void Completed(ILogger logger, string client, string method, Uri? url, int statusCode, double elapsedMs, int attempts);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Client}: {Method} {Url} will be retried in {DelayMs:F0} ms (retry {Retry}): {Reason}")]
    public static partial void Retrying(ILogger logger, string client, string method, Uri? url, double delayMs, int retry, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Client}: {Method} {Url} failed: {Error}")]
    public static partial void Failed(ILogger logger, string client, string method, Uri? url, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Client}: waiting {WaitMs:F0} ms for the {Limit} rate limit")]
    public static partial void RateLimitWait(ILogger logger, string client, double waitMs, string limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Client}: rate-limit quota is low: {Remaining} request(s) remaining")]
    public static partial void LowQuota(ILogger logger, string client, long remaining);

    [LoggerMessage(EventId = 7, Level = LogLevel.Trace, Message = "{Client}: {Direction} header {Name}: {Value}")]
    public static partial void Header(ILogger logger, string client, string direction, string name, string value);

    [LoggerMessage(EventId = 8, Level = LogLevel.Trace, Message = "{Client}: {Direction} body: {Body}")]
    public static partial void Body(ILogger logger, string client, string direction, string body);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "{Client}: credentials were rejected (401); refreshing and replaying once")]
    public static partial void RefreshingCredentials(ILogger logger, string client);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Client}: TLS certificate verification is disabled; use this only against a test server")]
    public static partial void TlsVerificationDisabled(ILogger logger, string client);
}
