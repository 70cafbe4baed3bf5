using Conduit.Sandbox.Schemas;

namespace Conduit.Sandbox.Table;

/// <summary>A documented path or query parameter.</summary>
internal sealed record TableParameter(string Name, string In, bool Required, SchemaNode? Schema, bool Explode);
