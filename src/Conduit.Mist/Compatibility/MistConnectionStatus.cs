namespace Conduit.Mist.Compatibility;

/// <summary>The outcome of <see cref="MistAuth.TestConnection"/> (seed 1's <c>test_connection</c> dictionary).</summary>
/// <param name="Status"><c>connected</c> or <c>failed</c>.</param>
/// <param name="Email">The user's email, when connected.</param>
/// <param name="Name">The user's full name, when connected.</param>
/// <param name="OrganizationCount">How many orgs the token reaches, when connected.</param>
/// <param name="StatusCode">The HTTP status of a failure, when the service answered.</param>
/// <param name="Error">Why it failed (no secret), or null.</param>
public sealed record MistConnectionStatus(string Status, string? Email, string? Name, int OrganizationCount, int? StatusCode, string? Error)
{
    /// <summary>Whether the connection works.</summary>
    public bool IsConnected => Status == "connected";
}
