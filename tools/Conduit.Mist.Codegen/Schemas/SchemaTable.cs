using System.Text.Json.Nodes;

namespace Conduit.Mist.Codegen.Schemas;

/// <summary>
/// Every schema of the document as a flat list of nodes that refer to each other by index. The
/// first <see cref="ComponentCount"/> nodes are the named component schemas in ordinal name order;
/// inline schemas follow, deduplicated by content.
/// </summary>
/// <param name="Nodes">The schema nodes in compact form (see <see cref="SchemaTableBuilder"/>).</param>
/// <param name="ComponentCount">How many leading nodes are named components.</param>
/// <param name="ComponentIndex">The index of each component schema by name.</param>
internal sealed record SchemaTable(IReadOnlyList<JsonObject> Nodes, int ComponentCount, IReadOnlyDictionary<string, int> ComponentIndex);
