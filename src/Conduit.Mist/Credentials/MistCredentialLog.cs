using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Credentials;

/// <summary>The resolver's log messages: sources, fields and keys only, never a value.</summary>
internal static partial class MistCredentialLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Reading Mist credential source {Source} for {Fields}")]
    public static partial void ReadingSource(ILogger logger, string source, MistCredentialFields fields);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Mist credential {Field} taken from {Source} ({Key})")]
    public static partial void FieldResolved(ILogger logger, MistCredentialFields field, string source, string key);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Mist credentials resolved: {Fields} from {SourceCount} source(s)")]
    public static partial void Resolved(ILogger logger, MistCredentialFields fields, int sourceCount);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Mist credential source {Source} failed: {Reason}")]
    public static partial void SourceFailed(ILogger logger, string source, string reason);
}
