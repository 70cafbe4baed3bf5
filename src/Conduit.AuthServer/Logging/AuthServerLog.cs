using Microsoft.Extensions.Logging;

namespace Conduit.AuthServer.Logging;

/// <summary>
/// Every log line of the auth service, with fixed event ids. Lines name users by id only; passwords,
/// tokens, hashes and keys are never arguments.
/// </summary>
internal static partial class AuthServerLog
{
    /// <summary>Name of the logger category.</summary>
    public const string Category = "Conduit.AuthServer";

    [LoggerMessage(1, LogLevel.Information, "User {UserId} registered")]
    public static partial void UserRegistered(ILogger logger, string userId);

    [LoggerMessage(2, LogLevel.Information, "User {UserId} logged in")]
    public static partial void LoginSucceeded(ILogger logger, string userId);

    [LoggerMessage(3, LogLevel.Warning, "Login refused: {Reason}")]
    public static partial void LoginRefused(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Login throttled for {RetryAfterSeconds} s")]
    public static partial void LoginThrottled(ILogger logger, int retryAfterSeconds);

    [LoggerMessage(5, LogLevel.Information, "Refresh token rotated for user {UserId}")]
    public static partial void RefreshRotated(ILogger logger, string userId);

    [LoggerMessage(6, LogLevel.Warning, "Reuse of a rotated refresh token by user {UserId}; the token family was revoked")]
    public static partial void RefreshReuseDetected(ILogger logger, string userId);

    [LoggerMessage(7, LogLevel.Information, "User {UserId} logged out ({Revoked})")]
    public static partial void LoggedOut(ILogger logger, string userId, string revoked);

    [LoggerMessage(8, LogLevel.Information, "User {UserId} changed their password; {Revoked} refresh tokens revoked")]
    public static partial void PasswordChanged(ILogger logger, string userId, int revoked);

    [LoggerMessage(9, LogLevel.Information, "Password reset email sent to user {UserId}")]
    public static partial void PasswordResetRequested(ILogger logger, string userId);

    [LoggerMessage(10, LogLevel.Information, "User {UserId} reset their password; {Revoked} refresh tokens revoked")]
    public static partial void PasswordReset(ILogger logger, string userId, int revoked);

    [LoggerMessage(11, LogLevel.Information, "User {UserId} verified their email address")]
    public static partial void EmailVerified(ILogger logger, string userId);

    [LoggerMessage(12, LogLevel.Information, "User {UserId} updated their profile")]
    public static partial void ProfileUpdated(ILogger logger, string userId);

    [LoggerMessage(13, LogLevel.Error, "Unhandled error while serving {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(14, LogLevel.Information, "Schema of the {Provider} store is ready")]
    public static partial void StoreReady(ILogger logger, string provider);

    [LoggerMessage(15, LogLevel.Information, "Auth server listening on {BaseUrl}")]
    public static partial void Listening(ILogger logger, Uri baseUrl);

    [LoggerMessage(16, LogLevel.Debug, "Access token refused: {Status}")]
    public static partial void AccessTokenRefused(ILogger logger, string status);
}
