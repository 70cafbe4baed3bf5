using Conduit.Sandbox.Schemas;

namespace Conduit.Sandbox.Table;

/// <summary>A documented request body.</summary>
internal sealed record TableBody(bool Required, string[] ContentTypes, SchemaNode? Schema)
{
    /// <summary>Whether a JSON media type is accepted.</summary>
    public bool AcceptsJson { get; } = ContentTypes.Any(TableMediaTypes.IsJson);
}
