using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Compatibility;

/// <summary>The log messages of <see cref="MistAuth"/>.</summary>
internal static partial class MistAuthLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Mist rate limit low: {Remaining} calls left (threshold {Threshold})")]
    public static partial void LowQuota(ILogger logger, long remaining, int threshold);
}
