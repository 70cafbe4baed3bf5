using Conduit.AuthServer.Contracts;
using Conduit.AuthServer.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Conduit.AuthServer.Endpoints;

/// <summary><c>GET health</c>: 200 when the database answers, 503 otherwise.</summary>
internal static class HealthEndpoints
{
    public static async Task<IResult> GetHealthAsync(HttpContext context, [FromServices] AuthServerRuntime runtime)
    {
        var databaseUp = await runtime.Store.PingAsync(context.RequestAborted).ConfigureAwait(false);
        var uptime = runtime.Time.GetElapsedTime(runtime.StartedTimestamp).TotalSeconds;
        var body = new HealthResponse(
            databaseUp ? "healthy" : "unhealthy",
            AuthServerRuntime.Version,
            Math.Round(uptime, 3),
            databaseUp ? $"{runtime.Store.ProviderName}: ok" : $"{runtime.Store.ProviderName}: unavailable");
        return TypedResults.Json(body, AuthServerJsonContext.Default.HealthResponse,
            statusCode: databaseUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
