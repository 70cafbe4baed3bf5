using Microsoft.AspNetCore.Http;

namespace Conduit.AuthServer.Endpoints;

/// <summary>
/// Gives bodiless error responses produced outside the routes (unknown path 404, wrong method 405,
/// requests Kestrel rejects) the same JSON error shape as the routes. Used by <see cref="AuthServerHost"/>.
/// </summary>
internal sealed class JsonErrorBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await ApiError.ForStatus(exception.StatusCode).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && response.ContentType is null)
        {
            await ApiError.ForStatus(response.StatusCode).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
