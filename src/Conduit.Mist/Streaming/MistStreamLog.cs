using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Streaming;

/// <summary>The stream's log messages (category <c>Conduit.Mist.MistStream</c>); credentials never appear, URLs without query.</summary>
internal static partial class MistStreamLog
{
    public const string Category = "Conduit.Mist.MistStream";

    [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "Stream connection {Connection} connecting to {Url}")]
    public static partial void Connecting(ILogger logger, int connection, string url);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Stream connection {Connection} open (reconnect: {Reconnect}), subscribing {Channels} channels")]
    public static partial void Opened(ILogger logger, int connection, bool reconnect, int channels);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Stream connection {Connection} closed ({Status}: {Description}); reconnect: {Reconnect}")]
    public static partial void Closed(ILogger logger, int connection, string status, string? description, bool reconnect);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Stream error {Kind} on connection {Connection}: {Message}")]
    public static partial void Error(ILogger logger, MistStreamErrorKind kind, int? connection, string message);

    [LoggerMessage(EventId = 305, Level = LogLevel.Debug, Message = "Stream connection {Connection} waits {Delay} before reconnecting (attempt {Attempt})")]
    public static partial void Waiting(ILogger logger, int connection, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "A stream callback ({Callback}) threw {ExceptionType}")]
    public static partial void CallbackFailed(ILogger logger, string callback, string exceptionType);

    [LoggerMessage(EventId = 307, Level = LogLevel.Debug, Message = "Stream sending on connection {Connection} failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, int connection, string reason);
}
