using System.Text.Json.Nodes;
using Conduit.Sandbox.State;

namespace Conduit.Sandbox.Hosting;

/// <summary>An answer before it is written: status, JSON bytes (empty for none), paging and extra headers.</summary>
internal sealed class SandboxResponse(int status, byte[] body)
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public int Status { get; } = status;

    public byte[] Body { get; } = body;

    public PageInfo? Paging { get; init; }

    public List<KeyValuePair<string, string>>? Headers { get; private set; }

    public static SandboxResponse Json(byte[] body, int status = 200) => new(status, body);

    public static SandboxResponse Json(JsonNode? node, int status = 200) => new(status, JsonBytes.From(node));

    public static SandboxResponse EmptyJsonObject(int status = 200) => new(status, EmptyObject);

    public static SandboxResponse NoBody(int status = 200) => new(status, []);

    /// <summary>An error in Mist's shape: <c>{"detail": "…"}</c>, plus optional fields.</summary>
    public static SandboxResponse Error(int status, string detail, JsonObject? extra = null)
    {
        var body = new JsonObject { ["detail"] = detail };
        foreach (var (name, value) in extra ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return new SandboxResponse(status, JsonBytes.From(body));
    }

    public SandboxResponse WithHeader(string name, string value)
    {
        (Headers ??= []).Add(new(name, value));
        return this;
    }
}
