namespace Conduit.Mist.Codegen.Sdk;

/// <summary>What a <see cref="CsType"/> is, which decides how it is declared, formatted and serialised.</summary>
internal enum CsTypeKind
{
    /// <summary>A number or boolean (<c>long</c>, <c>int</c>, <c>double</c>, <c>bool</c>).</summary>
    Primitive,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>JsonElement</c>, the raw-JSON escape hatch.</summary>
    Json,

    /// <summary>A generated model class.</summary>
    Model,

    /// <summary>A generated enum with wire names.</summary>
    Enum,

    /// <summary><c>IList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IDictionary&lt;string, T&gt;</c>.</summary>
    Map,
}

/// <summary>A C# type the generated code uses for a schema.</summary>
/// <param name="Name">The C# spelling, e.g. <c>IList&lt;Site&gt;</c>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="IsValueType">Whether it is a struct (so an optional parameter is written <c>T?</c>).</param>
/// <param name="InfoName">The name of its <c>JsonTypeInfo</c> property on the generated JSON context.</param>
/// <param name="Element">The element type of a list or map.</param>
internal sealed record CsType(string Name, CsTypeKind Kind, bool IsValueType, string InfoName, CsType? Element = null)
{
    /// <summary><c>string</c>.</summary>
    public static CsType String { get; } = new("string", CsTypeKind.String, false, "String");

    /// <summary><c>long</c>, for integers without <c>int32</c> format.</summary>
    public static CsType Int64 { get; } = new("long", CsTypeKind.Primitive, true, "Int64");

    /// <summary><c>int</c>, for <c>int32</c> integers.</summary>
    public static CsType Int32 { get; } = new("int", CsTypeKind.Primitive, true, "Int32");

    /// <summary><c>double</c>, for numbers.</summary>
    public static CsType Double { get; } = new("double", CsTypeKind.Primitive, true, "Double");

    /// <summary><c>bool</c>.</summary>
    public static CsType Boolean { get; } = new("bool", CsTypeKind.Primitive, true, "Boolean");

    /// <summary><c>JsonElement</c>.</summary>
    public static CsType Json { get; } = new("JsonElement", CsTypeKind.Json, true, "JsonElement");

    /// <summary><c>IList&lt;element&gt;</c>.</summary>
    public static CsType ListOf(CsType element) => new($"IList<{element.Name}>", CsTypeKind.List, false, "List_" + element.InfoName, element);

    /// <summary><c>IDictionary&lt;string, element&gt;</c>.</summary>
    public static CsType MapOf(CsType element) => new($"IDictionary<string, {element.Name}>", CsTypeKind.Map, false, "Map_" + element.InfoName, element);

    /// <summary><c>element?</c> for a struct element that may be null (a list of nullable numbers).</summary>
    public static CsType NullableOf(CsType element) => element with { Name = element.Name + "?", InfoName = "Nullable" + element.InfoName };

    /// <summary>The type as an optional parameter: <c>T?</c>.</summary>
    public string Nullable => Name.EndsWith('?') ? Name : Name + "?";
}
