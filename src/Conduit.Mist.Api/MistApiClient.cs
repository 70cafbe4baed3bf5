using Conduit.Http;

namespace Conduit.Mist.Api;

/// <summary>
/// The root of the generated Mist API: one property per top-level group (<see cref="Orgs"/>,
/// <see cref="Sites"/>, <see cref="Msps"/>, <see cref="Self"/>, <see cref="Utilities"/>…), each with its
/// operations and sub-groups, e.g. <c>mist.Orgs.Sites.ListAsync(orgId)</c>.
/// </summary>
/// <remarks>
/// Calls go through the given <see cref="ConduitClient"/>, which owns the base URL (the Mist cloud),
/// authentication (<c>HeaderAuthentication.MistToken</c>), retries, rate limits and telemetry. Every
/// operation has an async and a synchronous form; errors are <see cref="ApiException"/>s. Members are
/// virtual and the protected constructor takes no client, so the root and its groups can be mocked.
/// </remarks>
/// <example>
/// <code>
/// using var http = new ConduitClient(new ConduitClientOptions
/// {
///     BaseAddress = new Uri("https://api.mist.com"),
///     Authentication = HeaderAuthentication.MistToken(token),
/// });
/// var mist = new MistApiClient(http);
/// await foreach (var site in mist.Orgs.Sites.ListAsync(orgId))
/// {
///     Console.WriteLine(site.Name.GetValueOrDefault());
/// }
/// </code>
/// </example>
public partial class MistApiClient
{
    /// <summary>Creates the root over <paramref name="client"/>; the client is not disposed by this object.</summary>
    /// <param name="client">The HTTP client configured for a Mist cloud.</param>
    public MistApiClient(ConduitClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>Creates the root without a client, for mocking.</summary>
    protected MistApiClient() => Client = null!;

    /// <summary>The HTTP client every generated operation sends through.</summary>
    public virtual ConduitClient Client { get; }
}
