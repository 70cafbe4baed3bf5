using Conduit.Http;

namespace Conduit.Mist.Sessions;

/// <summary>
/// The login session is no longer valid (it expired, or was logged out elsewhere): the service answered 401 to a
/// call that carried the session cookie. Log in again with a new <see cref="MistSession"/>.
/// </summary>
public class MistSessionExpiredException : UnauthorizedException
{
    /// <summary>Creates the exception from the 401 the core raised.</summary>
    /// <param name="unauthorized">The core's exception (its response and URL are kept).</param>
    public MistSessionExpiredException(UnauthorizedException unauthorized)
        : base(
            $"The Mist login session has expired or was logged out ({unauthorized?.Method} {unauthorized?.RequestUri} answered 401). Log in again.",
            unauthorized?.Method,
            unauthorized?.RequestUri,
            unauthorized?.Response)
    {
    }
}
