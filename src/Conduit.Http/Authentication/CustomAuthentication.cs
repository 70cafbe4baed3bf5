namespace Conduit.Http.Authentication;

/// <summary>A scheme given as delegates: an asynchronous and a synchronous way to add credentials.</summary>
public sealed class CustomAuthentication : AuthenticationProvider
{
    private readonly Func<HttpRequestMessage, CancellationToken, ValueTask> _applyAsync;
    private readonly Action<HttpRequestMessage, CancellationToken> _apply;
    private readonly string[] _secrets;

    /// <summary>Creates the provider.</summary>
    /// <param name="applyAsync">Adds credentials asynchronously.</param>
    /// <param name="apply">Adds credentials synchronously (for the synchronous API).</param>
    /// <param name="secrets">Secret values to mask in logs.</param>
    public CustomAuthentication(
        Func<HttpRequestMessage, CancellationToken, ValueTask> applyAsync,
        Action<HttpRequestMessage, CancellationToken> apply,
        params IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(applyAsync);
        ArgumentNullException.ThrowIfNull(apply);
        _applyAsync = applyAsync;
        _apply = apply;
        _secrets = [.. secrets ?? []];
    }

    /// <summary>Creates a provider from one synchronous delegate used by both APIs.</summary>
    public CustomAuthentication(Action<HttpRequestMessage> apply, params IEnumerable<string> secrets)
        : this((r, _) => { apply(r); return ValueTask.CompletedTask; }, (r, _) => apply(r), secrets)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<string> Secrets => _secrets;

    /// <inheritdoc />
    protected override ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            return _applyAsync(request, cancellationToken);
        }

        _apply(request, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
