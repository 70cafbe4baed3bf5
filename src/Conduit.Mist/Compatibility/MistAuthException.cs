using Conduit.Http;

namespace Conduit.Mist.Compatibility;

/// <summary>
/// Seed 1's <c>MistAuthError</c>: an authentication or HTTP error of a <see cref="MistAuth"/> call, with its status code
/// (<see cref="ApiException.StatusCode"/>). It is an <see cref="ApiException"/>, so code written for the core catches it;
/// the core's specific exception is its <see cref="Exception.InnerException"/>.
/// </summary>
public class MistAuthException : ApiException
{
    /// <summary>Creates the exception from the core's.</summary>
    /// <param name="inner">The failure the HTTP core raised.</param>
    public MistAuthException(ApiException inner)
        : base(inner?.Message ?? "The Mist call failed.", inner?.Method, inner?.RequestUri, inner?.Response, inner)
    {
    }

    /// <summary>Creates the exception with a message of its own (no response).</summary>
    /// <param name="message">A message that contains no secret.</param>
    public MistAuthException(string message)
        : base(message, null, null, null)
    {
    }
}
