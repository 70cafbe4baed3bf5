using Conduit.Http;

namespace Conduit.Mist.Sessions;

/// <summary>
/// A session could not authenticate: a wrong email or password, a two-factor code that was refused or missing,
/// or no API token the service accepts. The message says which, and never contains a secret.
/// </summary>
public class MistAuthenticationException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message that contains no secret.</param>
    /// <param name="response">The service's answer, when there is one.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public MistAuthenticationException(string message, ApiResponse? response = null, Exception? innerException = null)
        : base(message, response?.RequestMethod, response?.RequestUri, response, innerException)
    {
    }
}
