using System.Text.Json.Nodes;
using Conduit.Sandbox.Schemas;

namespace Conduit.Sandbox.Table;

/// <summary>A documented response: its status key, media types, JSON schema and example.</summary>
internal sealed record TableResponse(string Status, string[] ContentTypes, SchemaNode? Schema, JsonNode? Example)
{
    /// <summary>The numeric status when the key is one (not <c>default</c> or <c>2XX</c>).</summary>
    public int? StatusCode { get; } = int.TryParse(Status, out var code) ? code : null;
}
