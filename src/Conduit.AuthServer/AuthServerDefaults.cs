namespace Conduit.AuthServer;

/// <summary>Default values of <see cref="AuthServerOptions"/>.</summary>
public static class AuthServerDefaults
{
    /// <summary>Path under which every route is mapped: <c>/api</c>.</summary>
    public const string BasePath = "/api";

    /// <summary>Issuer written into and required of access tokens.</summary>
    public const string Issuer = "conduit-auth";

    /// <summary>Audience written into and required of access tokens.</summary>
    public const string Audience = "conduit";

    /// <summary>Minimum signing key length in bytes (256 bits, as HS256 requires).</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>PBKDF2 iterations used by the password hasher (ASP.NET Core Identity's default).</summary>
    public const int PasswordHashIterations = 100_000;

    /// <summary>Minimum password length.</summary>
    public const int MinimumPasswordLength = 8;

    /// <summary>Maximum password length.</summary>
    public const int MaximumPasswordLength = 128;

    /// <summary>Failed logins allowed per account within <see cref="LoginThrottleWindow"/>.</summary>
    public const int MaxFailedLoginsPerAccount = 5;

    /// <summary>Failed logins allowed per client IP address within <see cref="LoginThrottleWindow"/>.</summary>
    public const int MaxFailedLoginsPerIp = 50;

    /// <summary>Largest request body accepted, in bytes (64 KiB).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Role given to newly registered users.</summary>
    public const string DefaultRole = "user";

    /// <summary>Lifetime of access tokens: 15 minutes.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of refresh tokens: 30 days.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>Lifetime of email verification tokens: 24 hours.</summary>
    public static readonly TimeSpan EmailVerificationTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>Lifetime of password reset tokens: 1 hour.</summary>
    public static readonly TimeSpan PasswordResetTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Tolerance for clock differences when access tokens are validated: 30 seconds.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Window over which failed logins are counted: 15 minutes.</summary>
    public static readonly TimeSpan LoginThrottleWindow = TimeSpan.FromMinutes(15);
}
