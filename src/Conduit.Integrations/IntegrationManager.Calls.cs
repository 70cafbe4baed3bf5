using Conduit.Http;

namespace Conduit.Integrations;

/// <summary>Calls by integration name; each runs on the integration's current pipeline and returns the core response.</summary>
public sealed partial class IntegrationManager
{
    /// <summary>Sends a request through the named integration.</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    /// <exception cref="ApiException">The call failed (an error status unless <see cref="ApiRequest.ThrowOnErrorStatus"/> is off, a timeout, a connection failure, a rate limit).</exception>
    public async Task<ApiResponse> SendAsync(string integration, ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = Enter(integration);
        try
        {
            return await pipeline.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pipeline.Exit();
        }
    }

    /// <summary>Sends a request through the named integration, blocking the calling thread (no sync-over-async).</summary>
    /// <exception cref="KeyNotFoundException">No integration has that name.</exception>
    /// <exception cref="ApiException">The call failed.</exception>
    public ApiResponse Send(string integration, ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = Enter(integration);
        try
        {
            return pipeline.Client.Send(request, cancellationToken);
        }
        finally
        {
            pipeline.Exit();
        }
    }

    /// <summary>GET a path of the named integration.</summary>
    public Task<ApiResponse> GetAsync(string integration, string path, CancellationToken cancellationToken = default) =>
        SendAsync(integration, new ApiRequest(HttpMethod.Get, path), cancellationToken);

    /// <summary>GET a path of the named integration synchronously.</summary>
    public ApiResponse Get(string integration, string path, CancellationToken cancellationToken = default) =>
        Send(integration, new ApiRequest(HttpMethod.Get, path), cancellationToken);

    /// <summary>POST a body to a path of the named integration.</summary>
    public Task<ApiResponse> PostAsync(string integration, string path, RequestBody? body, CancellationToken cancellationToken = default) =>
        SendAsync(integration, new ApiRequest(HttpMethod.Post, path) { Body = body }, cancellationToken);

    /// <summary>POST a body to a path of the named integration synchronously.</summary>
    public ApiResponse Post(string integration, string path, RequestBody? body, CancellationToken cancellationToken = default) =>
        Send(integration, new ApiRequest(HttpMethod.Post, path) { Body = body }, cancellationToken);

    /// <summary>PUT a body to a path of the named integration.</summary>
    public Task<ApiResponse> PutAsync(string integration, string path, RequestBody? body, CancellationToken cancellationToken = default) =>
        SendAsync(integration, new ApiRequest(HttpMethod.Put, path) { Body = body }, cancellationToken);

    /// <summary>PUT a body to a path of the named integration synchronously.</summary>
    public ApiResponse Put(string integration, string path, RequestBody? body, CancellationToken cancellationToken = default) =>
        Send(integration, new ApiRequest(HttpMethod.Put, path) { Body = body }, cancellationToken);

    /// <summary>PATCH a path of the named integration with a body.</summary>
    public Task<ApiResponse> PatchAsync(string integration, string path, RequestBody? body, CancellationToken cancellationToken = default) =>
        SendAsync(integration, new ApiRequest(HttpMethod.Patch, path) { Body = body }, cancellationToken);

    /// <summary>PATCH a path of the named integration with a body synchronously.</summary>
    public ApiResponse Patch(string integration, string path, RequestBody? body, CancellationToken cancellationToken = default) =>
        Send(integration, new ApiRequest(HttpMethod.Patch, path) { Body = body }, cancellationToken);

    /// <summary>DELETE a path of the named integration.</summary>
    public Task<ApiResponse> DeleteAsync(string integration, string path, CancellationToken cancellationToken = default) =>
        SendAsync(integration, new ApiRequest(HttpMethod.Delete, path), cancellationToken);

    /// <summary>DELETE a path of the named integration synchronously.</summary>
    public ApiResponse Delete(string integration, string path, CancellationToken cancellationToken = default) =>
        Send(integration, new ApiRequest(HttpMethod.Delete, path), cancellationToken);
}
