namespace Conduit.AuthService.Sessions;

/// <summary>Exchanges a refresh token for a new session (one <c>POST auth/refresh</c>); throws the core's exception on failure.</summary>
/// <param name="refreshToken">The refresh token to spend.</param>
/// <param name="async">Whether to run asynchronously; with <see langword="false"/> it completes synchronously.</param>
/// <param name="cancellationToken">Cancels the call.</param>
internal delegate ValueTask<AuthTokens> TokenRefresher(string refreshToken, bool async, CancellationToken cancellationToken);
