using Conduit.Http;
using Conduit.Http.Authentication;
using Conduit.Http.RateLimiting;
using Conduit.Samples.HttpQuickstart;
using Conduit.Sandbox;

// Calls a REST API with ConduitClient: base address, authentication, a client-side rate limit, retries, typed JSON,
// and the typed exceptions. Here the API is Mist's "list the sites of an org".
//
//   HttpQuickstart [--url https://api.mist.com/api/v1/ --token TOKEN --org ORG_ID]
//
// Without --url it calls an embedded Mist sandbox that answers the first two calls with 503, so a retry shows.
string? url = null, token = null, orgId = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--url": url = args[++i]; break;
        case "--token": token = args[++i]; break;
        case "--org": orgId = args[++i]; break;
        default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
    }
}

#region sandbox
await using var sandbox = url is null
    ? await MistSandbox.StartAsync(new MistSandboxOptions
    {
        EnableHttps = false,
        Faults = { new MistSandboxFault { Kind = MistSandboxFaultKind.Error, StatusCodes = [503], Count = 2, PathPattern = "/api/v1/orgs/*/sites" } },
    })
    : null;
#endregion
url ??= sandbox!.BaseUrl + "/api/v1/";
token ??= sandbox?.Seed.Tokens[0] ?? Environment.GetEnvironmentVariable("MIST_APITOKEN") ?? throw new ArgumentException("Pass --token or set MIST_APITOKEN.");
orgId ??= sandbox?.Seed.OrgId ?? throw new ArgumentException("Pass --org ORG_ID.");

#region client
using var client = new ConduitClient(new ConduitClientOptions
{
    Name = "quickstart",                                    // in logs and metrics (conduit.client)
    BaseAddress = new Uri(url),                             // request paths are relative to it
    Authentication = HeaderAuthentication.MistToken(token), // or Bearer, ApiKey, Basic, OAuth2ClientCredentials…
    RateLimit = RateLimitOptions.PerSecond(10, burst: 20),  // client-side token bucket, before each attempt
    Retry = { MaxRetries = 3, InitialDelay = TimeSpan.FromMilliseconds(200) },   // 408, 429, 5xx, timeouts
});
#endregion

#region call
try
{
    var response = await client.SendAsync(ApiRequest.Get("orgs/{0}/sites", orgId).WithQuery("limit", 100));
    var sites = response.ReadAs(SampleJsonContext.Default.SiteArray);
    foreach (var site in sites)
    {
        Console.WriteLine($"{site.Id}  {site.Name} ({site.Timezone ?? "no timezone"})");
    }

    Console.WriteLine($"{sites.Length} sites: {(int)response.StatusCode} after {response.Attempts} attempt(s) in {response.Elapsed.TotalMilliseconds:F0} ms");
}
catch (ApiException ex)   // UnauthorizedException, NotFoundException, RateLimitedException, ServerErrorException…
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");   // messages never contain the token
    return 1;
}
#endregion

return 0;
