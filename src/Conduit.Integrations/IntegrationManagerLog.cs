using Microsoft.Extensions.Logging;

namespace Conduit.Integrations;

/// <summary>The manager's log messages (fixed event ids 100–199; no secret is ever an argument).</summary>
public sealed partial class IntegrationManager
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Integration {Integration} registered for {BaseUrl}.")]
        public static partial void Registered(ILogger logger, string integration, Uri baseUrl);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Integration {Integration} updated; calls in flight finish on the previous pipeline.")]
        public static partial void Updated(ILogger logger, string integration);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Integration {Integration} unregistered.")]
        public static partial void Unregistered(ILogger logger, string integration);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Integration {Integration} health check: {Status} ({Description}).")]
        public static partial void HealthNotHealthy(ILogger logger, string integration, string status, string description);
    }
}
