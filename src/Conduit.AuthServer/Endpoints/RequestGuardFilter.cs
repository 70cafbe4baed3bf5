using Conduit.AuthServer.Logging;
using Microsoft.AspNetCore.Http;

namespace Conduit.AuthServer.Endpoints;

/// <summary>
/// Wraps every auth route: responses are never cached, and whatever escapes a handler becomes a JSON
/// error (4xx for malformed requests Kestrel detects, 500 otherwise) instead of an empty response.
/// </summary>
internal sealed class RequestGuardFilter(AuthServerRuntime runtime) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiError.PayloadTooLarge(runtime.Options.MaxRequestBodyBytes)
                : ApiError.ForStatus(exception.StatusCode);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            AuthServerLog.UnhandledError(runtime.Logger, exception, http.Request.Method, http.Request.Path);
            return ApiError.Internal();
        }
    }
}
