using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conduit.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>
/// A tiny Vault-compatible KV v2 endpoint on loopback Kestrel: <c>GET /v1/{mount}/data/{**path}</c> answers
/// <c>{"data": {"data": {...}, "metadata": {...}}}</c>, 403 for a wrong <c>X-Vault-Token</c>, 404 for an unknown path.
/// </summary>
internal sealed class VaultTestServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, JsonObject> _secrets = new(StringComparer.Ordinal);

    private VaultTestServer(LoopbackServer server, string token)
    {
        _server = server;
        Token = token;
    }

    public string Token { get; }

    public Uri Address => _server.BaseAddress;

    public ConcurrentQueue<string> RequestPaths { get; } = new();

    public static async Task<VaultTestServer> StartAsync(string token)
    {
        VaultTestServer? vault = null;
        var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/v1/{mount}/data/{**path}", (HttpContext context, string mount, string path) => vault!.Answer(context, mount, path)));
        vault = new VaultTestServer(server, token);
        return vault;
    }

    /// <summary>Stores a secret (the fields as a JSON object) at mount/path.</summary>
    public void Put(string mount, string path, JsonObject fields) => _secrets[mount + "/" + path] = fields;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

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
