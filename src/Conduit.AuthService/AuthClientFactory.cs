using System.Diagnostics.Metrics;
using Conduit.Http.Authentication;
using Conduit.Http.Transport;
using Microsoft.Extensions.Logging;

namespace Conduit.AuthService;

/// <summary>
/// Creates <see cref="AuthClient"/>s that share one connection pool: one client per signed-in user, each over that
/// user's own <see cref="IAuthTokenStore"/>, as a web application that serves many users needs. Creating a client is
/// cheap (no new connections, no new TLS handshakes); dispose each client when its request is done, and the factory
/// when the application stops.
/// </summary>
/// <example>
/// <code>
/// var factory = new AuthClientFactory(new AuthClientOptions { BaseUrl = new Uri("https://auth.example.com/api/") });
/// // Per request: the user's tokens from their cookie, written back if the client refreshed them.
/// await using var auth = factory.Create(new InMemoryAuthTokenStore(tokensFromCookie));
/// var me = await auth.GetCurrentUserAsync();
/// </code>
/// </example>
public sealed class AuthClientFactory : IDisposable
{
    private readonly AuthClientOptions _options;
    private readonly SocketsHttpHandler _handler;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly IMeterFactory? _meterFactory;
    private int _disposed;

    /// <summary>Creates a factory; every client it creates uses these options (with its own token store).</summary>
    /// <param name="options">The options; copied and validated. Their <see cref="AuthClientOptions.TokenStore"/> is not used.</param>
    /// <param name="loggerFactory">Where the clients log; none when null.</param>
    /// <param name="meterFactory">Where the clients' metrics go; the shared meters when null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public AuthClientFactory(AuthClientOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        AuthClientOptionsValidator.ThrowIfInvalid(options);
        _options = options.Clone();
        _loggerFactory = loggerFactory;
        _meterFactory = meterFactory;
        _handler = HttpHandlerFactory.Create(AuthClient.HttpOptions(_options, AuthClient.WithTrailingSlash(_options.BaseUrl), NoAuthentication.Instance));
    }

    /// <summary>Creates a client whose session is kept in <paramref name="tokenStore"/>.</summary>
    /// <param name="tokenStore">The user's session (for example read from their sign-in cookie); an empty store for a user not yet signed in.</param>
    /// <returns>A client over the shared connections; disposing it leaves them open for the others.</returns>
    /// <exception cref="ObjectDisposedException">The factory was disposed.</exception>
    public AuthClient Create(IAuthTokenStore tokenStore)
    {
        ArgumentNullException.ThrowIfNull(tokenStore);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var options = _options.Clone();
        options.TokenStore = tokenStore;
        return new AuthClient(options, _handler, _loggerFactory, _meterFactory);
    }

    /// <summary>Closes the shared connections; clients created earlier fail from then on.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _handler.Dispose();
        }
    }
}
