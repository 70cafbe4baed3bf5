namespace Conduit.Mist.Sessions;

/// <summary>What a session does when every API token has been answered 429.</summary>
public enum MistTokenExhaustion
{
    /// <summary>Wait until the earliest token's <c>Retry-After</c> has passed, then retry (within the call's retries and total timeout).</summary>
    Wait,

    /// <summary>Fail at once with a <see cref="Conduit.Http.RateLimitedException"/> whose <c>RetryAfter</c> is the earliest token's.</summary>
    Throw,
}
