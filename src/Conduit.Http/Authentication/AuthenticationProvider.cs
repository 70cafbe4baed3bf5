namespace Conduit.Http.Authentication;

/// <summary>
/// Adds credentials to each attempt's request. Subclass it for a custom scheme, or use
/// <see cref="CustomAuthentication"/> with delegates. Providers are shared by concurrent calls and must be thread-safe.
/// </summary>
public abstract class AuthenticationProvider
{
    /// <summary>Adds credentials to the request.</summary>
    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(request, async: true, cancellationToken);

    /// <summary>Adds credentials to the request without blocking on asynchronous work.</summary>
    public void Apply(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        ApplyCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// After a 401, refreshes the credential the failed request carried (once, however many calls report it) so the
    /// request can be replayed.
    /// </summary>
    /// <returns><see langword="true"/> when a fresh credential is available and the request should be replayed once.</returns>
    public ValueTask<bool> RefreshAsync(HttpRequestMessage failedRequest, CancellationToken cancellationToken = default) =>
        RefreshCoreAsync(failedRequest, async: true, cancellationToken);

    /// <summary>Synchronous form of <see cref="RefreshAsync"/>.</summary>
    public bool Refresh(HttpRequestMessage failedRequest, CancellationToken cancellationToken = default) =>
        RefreshCoreAsync(failedRequest, async: false, cancellationToken).EnsureCompleted();

    /// <summary>The secret values this provider sends, so logs and messages can mask them wherever they appear.</summary>
    public virtual IEnumerable<string> Secrets => [];

    /// <summary>
    /// Adds credentials. When <paramref name="async"/> is <see langword="false"/> the implementation must complete
    /// synchronously (use blocking I/O), so the synchronous API never blocks on asynchronous work.
    /// </summary>
    protected abstract ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken);

    /// <summary>Refreshes the credential after a 401; the default cannot refresh.</summary>
    protected virtual ValueTask<bool> RefreshCoreAsync(HttpRequestMessage failedRequest, bool async, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);
}
