using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Sessions;

/// <summary>The session's log messages (category <c>Conduit.Mist.MistSession</c>); tokens appear only by position.</summary>
internal static partial class MistSessionLog
{
    public const string Category = "Conduit.Mist.MistSession";

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "API token {Position} of {Count} was rejected by {Host} ({Status}) and is dropped")]
    public static partial void TokenDropped(ILogger logger, int position, int count, string host, int status);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "API token {Position} was rate limited by {Host}; set aside for {Seconds:F0} s, using another token")]
    public static partial void TokenRateLimited(ILogger logger, int position, string host, double seconds);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Every API token is rate limited; the earliest is free again in {Seconds:F0} s")]
    public static partial void TokensExhausted(ILogger logger, double seconds);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "The login session of {Email} on {Host} has expired (a call was answered 401)")]
    public static partial void SessionExpired(ILogger logger, string email, string host);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Authenticated on {Host} as {Email} with {Mode} ({Tokens} usable tokens)")]
    public static partial void Authenticated(ILogger logger, string host, string? email, MistAuthenticationMode mode, int tokens);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Two-factor code required for {Email}")]
    public static partial void TwoFactorRequired(ILogger logger, string email);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Logged out of {Host}")]
    public static partial void LoggedOut(ILogger logger, string host);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Logging out of {Host} failed: {Reason}")]
    public static partial void LogoutFailed(ILogger logger, string host, string reason);
}
