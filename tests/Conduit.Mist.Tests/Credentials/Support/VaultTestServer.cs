using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>
/// A tiny Vault-compatible KV v2 endpoint on loopback Kestrel: <c>GET /v1/{mount}/data/{**path}</c> answers
/// <c>{"data": {"data": {...}, "metadata": {...}}}</c>, 403 for a wrong <c>X-Vault-Token</c>, 404 for an unknown path.
/// </summary>
internal sealed class VaultTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _secrets = new(StringComparer.Ordinal);

    private VaultTestServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
    }

    public string Token { get; }

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<string> RequestPaths { get; } = new();

    public static async Task<VaultTestServer> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new VaultTestServer(app, token);
        app.MapGet("/v1/{mount}/data/{**path}", (HttpContext context, string mount, string path) => server.Answer(context, mount, path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    /// <summary>Stores a secret (the fields as a JSON object) at mount/path.</summary>
    public void Put(string mount, string path, JsonObject fields) => _secrets[mount + "/" + path] = fields;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Answer(HttpContext context, string mount, string path)
    {
        RequestPaths.Enqueue(context.Request.Path + context.Request.QueryString);
        if (context.Request.Headers["X-Vault-Token"] != Token)
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonArray("permission denied") }, statusCode: 403);
        }

        if (!_secrets.TryGetValue(mount + "/" + path, out var fields))
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonArray() }, statusCode: 404);
        }

        var body = new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["lease_duration"] = 0,
            ["data"] = new JsonObject
            {
                ["data"] = fields.DeepClone(),
                ["metadata"] = new JsonObject
                {
                    ["created_time"] = "2024-01-01T00:00:00.000000Z",
                    ["deletion_time"] = string.Empty,
                    ["destroyed"] = false,
                    ["version"] = 3,
                },
            },
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }
}
