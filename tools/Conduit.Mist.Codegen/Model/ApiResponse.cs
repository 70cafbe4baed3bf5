using System.Text.Json.Nodes;

namespace Conduit.Mist.Codegen.Model;

/// <summary>One documented response of an operation.</summary>
/// <param name="Status">The status key as written in the document (<c>200</c>, <c>4XX</c>, <c>default</c>).</param>
/// <param name="ContentTypes">The media types of the response body, empty when it has none.</param>
/// <param name="Schema">The JSON body's schema index, or -1 when the response has no JSON schema.</param>
/// <param name="Example">The first example of the JSON media type, when the document gives one.</param>
internal sealed record ApiResponse(string Status, IReadOnlyList<string> ContentTypes, int Schema, JsonNode? Example);
