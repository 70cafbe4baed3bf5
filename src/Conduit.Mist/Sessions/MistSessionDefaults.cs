namespace Conduit.Mist.Sessions;

/// <summary>The defaults of <see cref="MistSessionOptions"/>.</summary>
public static class MistSessionDefaults
{
    /// <summary>Calls per token per <see cref="BudgetWindow"/>: 5000, Mist's hourly quota.</summary>
    public const int CallsPerTokenPerWindow = 5000;

    /// <summary>Pages fetched at once when a list's total is known: 8.</summary>
    public const int PageConcurrency = 8;

    /// <summary>The budget's sliding window: one hour.</summary>
    public static readonly TimeSpan BudgetWindow = TimeSpan.FromHours(1);

    /// <summary>How long a token answered 429 without <c>Retry-After</c> is set aside: one minute.</summary>
    public static readonly TimeSpan RateLimitedTokenCooldown = TimeSpan.FromMinutes(1);

    /// <summary>The timeout of one attempt: 30 s (seed 1's <c>timeout</c>).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
}
