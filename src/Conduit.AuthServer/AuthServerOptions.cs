using System.Net;
using Conduit.AuthServer.Email;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthServer;

/// <summary>
/// Configuration of the auth service. Validated once at start-up (every problem reported in one
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>); the server keeps the instance it was
/// started with, and init-only properties mean it cannot change afterwards.
/// </summary>
public sealed record AuthServerOptions
{
    /// <summary>Path under which every route is mapped. Must start with <c>/</c>. Default <c>/api</c>.</summary>
    public string BasePath { get; init; } = AuthServerDefaults.BasePath;

    /// <summary>
    /// Key that signs access tokens with HS256; at least 32 bytes once UTF-8 encoded. Required. Never logged.
    /// </summary>
    public string? SigningKey { get; init; }

    /// <summary>Issuer (<c>iss</c>) of access tokens. Default <c>conduit-auth</c>.</summary>
    public string Issuer { get; init; } = AuthServerDefaults.Issuer;

    /// <summary>Audience (<c>aud</c>) of access tokens. Default <c>conduit</c>.</summary>
    public string Audience { get; init; } = AuthServerDefaults.Audience;

    /// <summary>Lifetime of access tokens. Default 15 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = AuthServerDefaults.AccessTokenLifetime;

    /// <summary>Lifetime of refresh tokens; a rotated token gets a fresh lifetime. Default 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = AuthServerDefaults.RefreshTokenLifetime;

    /// <summary>Lifetime of email verification tokens. Default 24 hours.</summary>
    public TimeSpan EmailVerificationTokenLifetime { get; init; } = AuthServerDefaults.EmailVerificationTokenLifetime;

    /// <summary>Lifetime of password reset tokens. Default 1 hour.</summary>
    public TimeSpan PasswordResetTokenLifetime { get; init; } = AuthServerDefaults.PasswordResetTokenLifetime;

    /// <summary>Tolerance for clock differences when validating access tokens. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; init; } = AuthServerDefaults.ClockSkew;

    /// <summary>Database used for all state. Default <see cref="AuthStorageProvider.Sqlite"/>.</summary>
    public AuthStorageProvider StorageProvider { get; init; } = AuthStorageProvider.Sqlite;

    /// <summary>
    /// Connection string of the database. For SQLite, <see langword="null"/> (the default) means a private
    /// in-memory database that lives as long as the server; use <c>Data Source=auth.db</c> for a file.
    /// Required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// PBKDF2 iteration count of the password hasher. Default 100 000; lower it only in tests.
    /// </summary>
    public int PasswordHashIterations { get; init; } = AuthServerDefaults.PasswordHashIterations;

    /// <summary>Rules new passwords must satisfy.</summary>
    public PasswordPolicyOptions PasswordPolicy { get; init; } = new();

    /// <summary>Failed logins allowed per account within <see cref="LoginThrottleWindow"/>. Default 5.</summary>
    public int MaxFailedLoginsPerAccount { get; init; } = AuthServerDefaults.MaxFailedLoginsPerAccount;

    /// <summary>Failed logins allowed per client IP address within <see cref="LoginThrottleWindow"/>. Default 50.</summary>
    public int MaxFailedLoginsPerIp { get; init; } = AuthServerDefaults.MaxFailedLoginsPerIp;

    /// <summary>Window over which failed logins are counted; once a limit is hit, logins wait for its end. Default 15 minutes.</summary>
    public TimeSpan LoginThrottleWindow { get; init; } = AuthServerDefaults.LoginThrottleWindow;

    /// <summary>Whether users must verify their email address before they can log in. Default <see langword="false"/>.</summary>
    public bool RequireVerifiedEmail { get; init; }

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413. Default 64 KiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = AuthServerDefaults.MaxRequestBodyBytes;

    /// <summary>
    /// Development/sandbox mode: enables the unauthenticated <c>admin/*</c> routes (email outbox, user
    /// activation). Never enable it on a server reachable by others. Default <see langword="false"/>.
    /// </summary>
    public bool DevelopmentMode { get; init; }

    /// <summary>Delivers verification and reset emails. <see langword="null"/> (default) writes them to the outbox table.</summary>
    public IEmailSender? EmailSender { get; init; }

    /// <summary>Source of time for token lifetimes, throttling windows and timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Address <see cref="AuthServerHost"/> listens on. Default <see cref="IPAddress.Loopback"/>.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Port <see cref="AuthServerHost"/> listens on; 0 (default) picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Configures logging of <see cref="AuthServerHost"/> (no providers are added otherwise).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Describes the options without their secrets (signing key and connection string are redacted).</summary>
    /// <returns>A one-line description safe for logs.</returns>
    public override string ToString() =>
        $"AuthServerOptions {{ BasePath = {BasePath}, Issuer = {Issuer}, Audience = {Audience}, SigningKey = {Redacted(SigningKey)}, " +
        $"StorageProvider = {StorageProvider}, ConnectionString = {Redacted(ConnectionString)}, AccessTokenLifetime = {AccessTokenLifetime}, " +
        $"RefreshTokenLifetime = {RefreshTokenLifetime}, PasswordHashIterations = {PasswordHashIterations}, DevelopmentMode = {DevelopmentMode} }}";

    private static string Redacted(string? secret) => secret is null ? "(none)" : "[redacted]";
}
