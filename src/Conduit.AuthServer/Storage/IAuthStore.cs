using Conduit.AuthServer.Email;

namespace Conduit.AuthServer.Storage;

/// <summary>
/// Everything the auth service persists. Implementations: SQLite and PostgreSQL. Every operation that
/// must not race (token rotation, single-use tokens, throttling counters) is atomic in the database, so
/// several server instances can share one store.
/// </summary>
internal interface IAuthStore : IAsyncDisposable
{
    /// <summary>Short name of the database, reported by the health route.</summary>
    string ProviderName { get; }

    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Adds a user; <see langword="false"/> when the email is taken.</summary>
    Task<bool> TryAddUserAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Finds a user by id.</summary>
    Task<UserRecord?> FindUserByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds a user by normalized email.</summary>
    Task<UserRecord?> FindUserByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Writes every column of an existing user; <see langword="false"/> when the new email is taken.</summary>
    Task<bool> TryUpdateUserAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Stores a new refresh token.</summary>
    Task AddRefreshTokenAsync(RefreshTokenRecord token, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically revokes the presented token and stores its replacement in the same family; on reuse of a
    /// revoked token, revokes the whole family instead.
    /// </summary>
    Task<RefreshRotation> RotateRefreshTokenAsync(string presentedHash, string replacementHash, DateTimeOffset now, DateTimeOffset replacementExpiresAt, CancellationToken cancellationToken);

    /// <summary>Revokes the family of the given token; returns its owner, or <see langword="null"/> when unknown.</summary>
    Task<string?> RevokeRefreshFamilyAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every refresh token of a user; returns how many were active.</summary>
    Task<int> RevokeAllRefreshTokensAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores a new single-use token.</summary>
    Task AddOneTimeTokenAsync(OneTimeTokenRecord token, CancellationToken cancellationToken);

    /// <summary>Marks an unused, unexpired token of <paramref name="purpose"/> used; returns its owner, or <see langword="null"/>.</summary>
    Task<string?> ConsumeOneTimeTokenAsync(string tokenHash, OneTimeTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks every outstanding token of <paramref name="purpose"/> of a user used.</summary>
    Task InvalidateOneTimeTokensAsync(string userId, OneTimeTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Reads the throttling counters of the given keys (absent keys are omitted).</summary>
    Task<IReadOnlyList<ThrottleCounter>> GetThrottleCountersAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Counts one failure under <paramref name="key"/>, starting a new window when the last one ended.</summary>
    Task<ThrottleCounter> RecordFailureAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Forgets the failures counted under <paramref name="key"/>.</summary>
    Task ClearThrottleAsync(string key, CancellationToken cancellationToken);

    /// <summary>Appends an email to the outbox.</summary>
    Task AddOutboxMessageAsync(EmailMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lists the outbox, oldest first, optionally for one normalized recipient.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListOutboxAsync(string? normalizedRecipient, CancellationToken cancellationToken);
}
