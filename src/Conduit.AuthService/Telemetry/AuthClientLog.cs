using Microsoft.Extensions.Logging;

namespace Conduit.AuthService.Telemetry;

/// <summary>The client's log lines, source-generated, with fixed event ids. Users appear by id only; never a token or password.</summary>
internal static partial class AuthClientLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "Conduit.AuthService.AuthClient";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Session started for user {UserId} ({Reason}); access token expires at {ExpiresAt:O}")]
    public static partial void SessionStarted(ILogger logger, string userId, string reason, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Access token refreshed ({Reason}); it expires at {ExpiresAt:O}")]
    public static partial void TokensRefreshed(ILogger logger, string reason, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The session ended: the server refused the refresh token with {StatusCode}")]
    public static partial void SessionEnded(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Refreshing the access token failed ({Error}); the current token is still valid and is used")]
    public static partial void RefreshFailedTokenStillValid(ILogger logger, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Logged out")]
    public static partial void LoggedOut(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Tokens cleared")]
    public static partial void TokensCleared(ILogger logger);
}
