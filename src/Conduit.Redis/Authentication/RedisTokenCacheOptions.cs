namespace Conduit.Redis.Authentication;

/// <summary>How a <see cref="RedisSharedOAuth2Authentication"/> shares its token through Redis.</summary>
public sealed class RedisTokenCacheOptions
{
    /// <summary>
    /// The Redis key of the shared token; when null, <c>conduit:oauth2:</c> followed by a SHA-256 of the token endpoint,
    /// client id and scopes (never the secret), so every process with the same grant shares one token.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>How long one process may hold the fetch lock before another may take over. Default 30 s.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a process waiting for another's fetch checks Redis. Default 50 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The clock for expiry and polling. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
