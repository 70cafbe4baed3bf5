namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>One parameter of a generated operation, as <c>--param name=value</c> (or <c>--body</c>) fills it.</summary>
/// <param name="Name">The document's name, e.g. <c>org_id</c> (the C# name when the location could not be told).</param>
/// <param name="ClrName">The C# parameter name, e.g. <c>orgId</c>.</param>
/// <param name="Location">Where the value goes.</param>
/// <param name="Required">Whether the operation needs it.</param>
/// <param name="ClrType">The C# parameter type.</param>
/// <param name="Position">The parameter's position in the method.</param>
internal sealed record MistOperationParameter(string Name, string ClrName, MistParameterLocation Location, bool Required, Type ClrType, int Position)
{
    /// <summary>The type as a person reads it: <c>string</c>, <c>integer</c>, <c>boolean</c>, <c>enum</c>, <c>array of string</c>, <c>object (Site)</c>, <c>file</c>…</summary>
    public string TypeName => MistParameterValues.Describe(ClrType);

    /// <summary>The values an enum (or an array of enums) accepts, as sent on the wire; empty for other types.</summary>
    public IReadOnlyList<string> AllowedValues => MistParameterValues.AllowedValues(ClrType);

    /// <summary>Whether <paramref name="text"/> names this parameter (document or C# name, any letter case).</summary>
    public bool IsNamed(string text) =>
        string.Equals(Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(ClrName, text, StringComparison.OrdinalIgnoreCase);

    /// <summary>The location as shown in help: <c>path</c>, <c>query</c>, <c>header</c>, <c>form</c>, <c>file</c>, <c>body</c>.</summary>
    public string LocationName => Location switch
    {
        MistParameterLocation.FormField => "form",
        _ => Location.ToString().ToLowerInvariant(),
    };
}
