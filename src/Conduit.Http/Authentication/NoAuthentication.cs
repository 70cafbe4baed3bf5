namespace Conduit.Http.Authentication;

/// <summary>Sends no credentials.</summary>
public sealed class NoAuthentication : AuthenticationProvider
{
    /// <summary>The shared instance.</summary>
    public static NoAuthentication Instance { get; } = new();

    /// <inheritdoc />
    protected override ValueTask ApplyCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
