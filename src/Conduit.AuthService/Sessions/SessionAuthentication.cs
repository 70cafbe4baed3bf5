using System.Net.Http.Headers;
using Conduit.Http.Authentication;

namespace Conduit.AuthService.Sessions;

/// <summary>
/// The core's authentication provider for an <see cref="AuthClient"/>: adds the session's bearer token to the routes
/// that need one (refreshing it first when it is about to expire), and after a 401 on such a route refreshes once so
/// the core replays the request. Anonymous routes (login, register, refresh…) get no token, so a refused password or
/// refresh token never triggers a refresh.
/// </summary>
internal sealed class SessionAuthentication(TokenSession session, IReadOnlySet<string> protectedPaths) : AuthenticationProvider
{
    protected override async ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        if (!RequiresToken(request))
        {
            return;
        }

        var tokens = await session.GetFreshTokensAsync(staleAccessToken: null, async, cancellationToken).ConfigureAwait(false);
        if (tokens is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(tokens.TokenType, tokens.AccessToken);
        }
    }

    protected override async ValueTask<bool> RefreshCoreAsync(HttpRequestMessage failedRequest, bool async, CancellationToken cancellationToken)
    {
        var used = failedRequest.Headers.Authorization?.Parameter;
        if (used is null || !RequiresToken(failedRequest))
        {
            return false;
        }

        var tokens = await session.GetFreshTokensAsync(used, async, cancellationToken).ConfigureAwait(false);
        return tokens is not null && !string.Equals(tokens.AccessToken, used, StringComparison.Ordinal);
    }

    private bool RequiresToken(HttpRequestMessage request) =>
        request.RequestUri is { } uri && protectedPaths.Contains(uri.AbsolutePath);
}
