namespace Conduit.AuthService;

/// <summary>
/// Where an <see cref="AuthClient"/> keeps its session, so an application can persist it (a protected file, a
/// keychain, a database row) and resume it after a restart. The client reads the store once, when it first needs the
/// tokens, and writes it whenever they change (login, register, refresh, change-password, logout, clear). Calls are
/// serialised by the client, so an implementation need not lock.
/// </summary>
/// <remarks>
/// Implement <see cref="Load"/> and <see cref="Save"/> (used by the synchronous API); override the asynchronous forms
/// when the storage has true asynchronous I/O. The tokens are secrets: store them encrypted or access-controlled.
/// </remarks>
public interface IAuthTokenStore
{
    /// <summary>Reads the saved session.</summary>
    /// <returns>The tokens, or <see langword="null"/> when there is no session.</returns>
    AuthTokens? Load();

    /// <summary>Saves the session, replacing any previous one.</summary>
    /// <param name="tokens">The tokens, or <see langword="null"/> to remove the session.</param>
    void Save(AuthTokens? tokens);

    /// <summary>Reads the saved session asynchronously; by default calls <see cref="Load"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tokens, or <see langword="null"/> when there is no session.</returns>
    ValueTask<AuthTokens?> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Load());
    }

    /// <summary>Saves the session asynchronously; by default calls <see cref="Save"/>.</summary>
    /// <param name="tokens">The tokens, or <see langword="null"/> to remove the session.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the session is saved.</returns>
    ValueTask SaveAsync(AuthTokens? tokens, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Save(tokens);
        return ValueTask.CompletedTask;
    }
}
