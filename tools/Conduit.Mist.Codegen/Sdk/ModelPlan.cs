namespace Conduit.Mist.Codegen.Sdk;

/// <summary>A model class to generate from an object component schema.</summary>
/// <param name="Name">The class name.</param>
/// <param name="SchemaName">The component's name in the document.</param>
/// <param name="Description">The schema's description or title, unescaped.</param>
/// <param name="Properties">The properties in document order (those of <c>allOf</c> parts merged in).</param>
internal sealed record ModelPlan(string Name, string SchemaName, string? Description, IReadOnlyList<PropertyPlan> Properties);

/// <summary>One property of a model.</summary>
/// <param name="WireName">The JSON name.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The value type inside the optional wrapper.</param>
/// <param name="Description">The description, unescaped.</param>
/// <param name="Required">Whether the schema lists it as required.</param>
/// <param name="ReadOnly">Whether the schema marks it read-only (set by the service).</param>
/// <param name="Deprecated">Whether the schema marks it deprecated.</param>
internal sealed record PropertyPlan(string WireName, string Name, CsType Type, string? Description, bool Required, bool ReadOnly, bool Deprecated);

/// <summary>An enum to generate from a string enum component schema.</summary>
/// <param name="Name">The enum type name.</param>
/// <param name="SchemaName">The component's name in the document.</param>
/// <param name="Description">The schema's description, unescaped.</param>
/// <param name="Members">The members: C# name and wire value, in document order.</param>
internal sealed record EnumPlan(string Name, string SchemaName, string? Description, IReadOnlyList<(string Name, string Wire)> Members);
