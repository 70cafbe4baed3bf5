using Conduit.AuthService;

namespace Conduit.Samples.WebSignIn;

/// <summary>
/// Creates an <see cref="AuthClient"/> for one request of one user. An <see cref="AuthClient"/> holds one user's
/// session, so a server that serves many users gives each request a client over that user's tokens (read from the
/// sign-in cookie) and writes the tokens back to the cookie when the client has refreshed them.
/// </summary>
/// <param name="baseUrl">The auth service's API root, e.g. <c>http://127.0.0.1:5000/api/</c>.</param>
/// <param name="loggerFactory">Where the clients log (the values of tokens and passwords never reach a log).</param>
internal sealed class AuthClients(Uri baseUrl, ILoggerFactory loggerFactory)
{
    /// <summary>A client whose session is kept in <paramref name="tokens"/> (a new, empty store when null).</summary>
    public AuthClient Create(IAuthTokenStore? tokens = null) =>
        new(new AuthClientOptions { BaseUrl = baseUrl, TokenStore = tokens ?? new InMemoryAuthTokenStore() }, loggerFactory);
}
