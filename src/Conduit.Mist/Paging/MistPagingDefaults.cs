namespace Conduit.Mist.Paging;

/// <summary>The paging defaults.</summary>
public static class MistPagingDefaults
{
    /// <summary>
    /// Pages fetched at once once a list's total is known, for a client that is not a session's (a session uses
    /// its <c>PageConcurrency</c>, 8 by default): 4.
    /// </summary>
    public const int MaxConcurrency = 4;

    /// <summary>The most pages that may be fetched at once: 64.</summary>
    public const int MaxConcurrencyLimit = 64;
}
