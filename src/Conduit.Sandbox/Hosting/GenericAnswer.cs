using System.Text.Json.Nodes;

namespace Conduit.Sandbox.Hosting;

/// <summary>The stateless answer of an operation: built once, served from cached bytes.</summary>
/// <param name="Status">The lowest documented 2xx status.</param>
/// <param name="Body">The serialised body (empty when the response documents none).</param>
/// <param name="Node">The body as JSON, a template that stateful handlers clone and overlay.</param>
/// <param name="FromExample">Whether the body is the document's example (else synthesised).</param>
internal sealed record GenericAnswer(int Status, byte[] Body, JsonNode? Node, bool FromExample)
{
    public int ArrayLength => Node is JsonArray array ? array.Count : -1;
}
