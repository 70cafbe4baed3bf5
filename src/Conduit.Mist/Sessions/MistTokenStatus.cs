namespace Conduit.Mist.Sessions;

/// <summary>A snapshot of one API token of a session; the token itself is never exposed.</summary>
/// <param name="Position">The token's 1-based position in the configured list.</param>
/// <param name="IsValid">Whether <c>GET /api/v1/self</c> accepted it (invalid tokens are never used).</param>
/// <param name="BudgetRemaining">Calls left in the client-side budget's sliding window.</param>
/// <param name="RateLimitedUntil">When the server's last 429 for this token stops applying, or null.</param>
public sealed record MistTokenStatus(int Position, bool IsValid, int BudgetRemaining, DateTimeOffset? RateLimitedUntil);
