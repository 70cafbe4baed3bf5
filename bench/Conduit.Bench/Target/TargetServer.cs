using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conduit.Bench.Target;

/// <summary>
/// The loopback target every client is measured against: <c>GET /json</c> answers a fixed ~1 KB JSON body,
/// <c>GET /slow</c> the same after 5 ms. Runs in its own process so client allocations are measured alone.
/// </summary>
internal static class TargetServer
{
    /// <summary>A Mist-like device list of about 1 KB.</summary>
    public static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "[" + string.Join(',', Enumerable.Range(0, 5).Select(i =>
            $"{{\"id\":\"00000000-0000-0000-1000-5c5b35{i:D6}\",\"mac\":\"5c5b35{i:D6}\",\"name\":\"ap-{i:D2}\",\"model\":\"AP45\",\"type\":\"ap\",\"site_id\":\"978c48e6-6ef6-11e6-8bbf-02e208b2d34f\",\"serial\":\"A0703{i:D5}\",\"status\":\"connected\"}}")) + "]");

    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/json", static (HttpContext ctx) => Write(ctx));
        app.MapGet("/slow", static async (HttpContext ctx) =>
        {
            await Task.Delay(5, ctx.RequestAborted);
            await Write(ctx);
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static Task Write(HttpContext ctx)
    {
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = Body.Length;
        return ctx.Response.Body.WriteAsync(Body, 0, Body.Length, ctx.RequestAborted);
    }
}
