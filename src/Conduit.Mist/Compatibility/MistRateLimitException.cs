using Conduit.Http;

namespace Conduit.Mist.Compatibility;

/// <summary>
/// Seed 1's <c>MistRateLimitError</c>: the Mist rate limit was exceeded (429). <see cref="RateLimitedException.RetryAfter"/>
/// says how long to wait. It is a <see cref="RateLimitedException"/>, so the core's handling applies to it.
/// </summary>
public class MistRateLimitException : RateLimitedException
{
    /// <summary>Creates the exception from the core's.</summary>
    /// <param name="inner">The 429 the HTTP core raised.</param>
    public MistRateLimitException(RateLimitedException inner)
        : base(inner?.Message ?? "The Mist rate limit was exceeded.", inner?.Method, inner?.RequestUri, inner?.Response, inner?.RetryAfter)
    {
    }

    /// <summary>The wait in whole seconds, as seed 1's <c>retry_after</c>; null when unknown.</summary>
    public int? RetryAfterSeconds => RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
}
