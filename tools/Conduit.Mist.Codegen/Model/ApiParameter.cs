namespace Conduit.Mist.Codegen.Model;

/// <summary>A path, query or header parameter.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Location">Where it goes: <c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
/// <param name="Required">Whether the parameter must be present.</param>
/// <param name="Schema">The parameter's schema index in the schema table, or -1 when it has none.</param>
/// <param name="Explode">Whether arrays are sent as repeated keys (<c>true</c>) or comma-separated (<c>false</c>).</param>
internal sealed record ApiParameter(string Name, string Location, bool Required, int Schema, bool Explode)
{
    /// <summary>The parameter's description, when the document gives one.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the document marks the parameter deprecated.</summary>
    public bool Deprecated { get; init; }
}
