using Conduit.Http;
using Conduit.Integrations.Metrics;

namespace Conduit.Integrations;

/// <summary>
/// A client bound to one integration of an <see cref="IntegrationManager"/> by name (seed 5's API connector). It holds
/// no pipeline of its own: every call runs on the integration's current pipeline, so it follows updates; after the
/// integration is removed its calls throw <see cref="KeyNotFoundException"/>. Resolve it from DI as a keyed service
/// (<c>[FromKeyedServices("name")] IntegrationClient</c>). Members are virtual so it can be mocked.
/// </summary>
public class IntegrationClient
{
    private readonly IntegrationManager _manager = null!;

    /// <summary>For mocking.</summary>
    protected IntegrationClient()
    {
        Name = string.Empty;
    }

    internal IntegrationClient(IntegrationManager manager, string name)
    {
        _manager = manager;
        Name = name;
    }

    /// <summary>The integration's name.</summary>
    public virtual string Name { get; }

    /// <summary>A copy of the integration's current options.</summary>
    public virtual IntegrationOptions Options => _manager.GetIntegration(Name);

    /// <summary>The integration's call metrics.</summary>
    public virtual IntegrationMetrics Metrics => _manager.GetMetrics(Name);

    /// <summary>Sends a request.</summary>
    /// <exception cref="ApiException">The call failed.</exception>
    public virtual Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) => _manager.SendAsync(Name, request, cancellationToken);

    /// <summary>Sends a request synchronously.</summary>
    /// <exception cref="ApiException">The call failed.</exception>
    public virtual ApiResponse Send(ApiRequest request, CancellationToken cancellationToken = default) => _manager.Send(Name, request, cancellationToken);

    /// <summary>GET a path.</summary>
    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Get, path), cancellationToken);

    /// <summary>GET a path synchronously.</summary>
    public ApiResponse Get(string path, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Get, path), cancellationToken);

    /// <summary>POST a body to a path.</summary>
    public Task<ApiResponse> PostAsync(string path, RequestBody? body, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Post, path) { Body = body }, cancellationToken);

    /// <summary>POST a body to a path synchronously.</summary>
    public ApiResponse Post(string path, RequestBody? body, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Post, path) { Body = body }, cancellationToken);

    /// <summary>PUT a body to a path.</summary>
    public Task<ApiResponse> PutAsync(string path, RequestBody? body, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Put, path) { Body = body }, cancellationToken);

    /// <summary>PUT a body to a path synchronously.</summary>
    public ApiResponse Put(string path, RequestBody? body, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Put, path) { Body = body }, cancellationToken);

    /// <summary>PATCH a path with a body.</summary>
    public Task<ApiResponse> PatchAsync(string path, RequestBody? body, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Patch, path) { Body = body }, cancellationToken);

    /// <summary>PATCH a path with a body synchronously.</summary>
    public ApiResponse Patch(string path, RequestBody? body, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Patch, path) { Body = body }, cancellationToken);

    /// <summary>DELETE a path.</summary>
    public Task<ApiResponse> DeleteAsync(string path, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Delete, path), cancellationToken);

    /// <summary>DELETE a path synchronously.</summary>
    public ApiResponse Delete(string path, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Delete, path), cancellationToken);
}
