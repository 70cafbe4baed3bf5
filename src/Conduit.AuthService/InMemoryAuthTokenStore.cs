namespace Conduit.AuthService;

/// <summary>The default <see cref="IAuthTokenStore"/>: keeps the session in memory only, so it ends with the process.</summary>
public sealed class InMemoryAuthTokenStore : IAuthTokenStore
{
    private volatile AuthTokens? _tokens;

    /// <summary>Creates an empty store.</summary>
    public InMemoryAuthTokenStore()
    {
    }

    /// <summary>Creates a store that already holds a session (for example one restored by the application).</summary>
    /// <param name="tokens">The session to start with.</param>
    public InMemoryAuthTokenStore(AuthTokens? tokens) => _tokens = tokens;

    /// <inheritdoc />
    public AuthTokens? Load() => _tokens;

    /// <inheritdoc />
    public void Save(AuthTokens? tokens) => _tokens = tokens;
}
