using Conduit.Mist.Codegen.Schemas;

namespace Conduit.Mist.Codegen.Model;

/// <summary>
/// The normalised view of an OpenAPI document that every writer consumes: operations in a stable
/// order with path-level parameters merged in, and every schema interned into one indexed table.
/// </summary>
/// <param name="Title">The document's title.</param>
/// <param name="Version">The document's version (the Mist release).</param>
/// <param name="Operations">Every operation, ordered by path then method.</param>
/// <param name="Schemas">The interned schema table the operations point into.</param>
internal sealed record ApiModel(string Title, string Version, IReadOnlyList<ApiOperation> Operations, SchemaTable Schemas);
