namespace Conduit.Sandbox.Schemas;

/// <summary>The JSON types a schema admits; <see cref="Any"/> when it does not say.</summary>
[Flags]
internal enum JsonKinds
{
    Any = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Integer = 8,
    Number = 16,
    Boolean = 32,
    Null = 64,
}
