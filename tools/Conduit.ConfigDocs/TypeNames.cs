using System.Reflection;

namespace Conduit.ConfigDocs;

/// <summary>C# names of property types, with <c>?</c> where the property is nullable (<c>TimeSpan?</c>, <c>Uri?</c>, <c>IList&lt;string&gt;</c>).</summary>
internal static class TypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(short)] = "short",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
        [typeof(char)] = "char",
    };

    /// <summary>The C# name of <paramref name="property"/>'s type, with its nullability.</summary>
    public static string Of(PropertyInfo property) => Of(property.PropertyType, new NullabilityInfoContext().Create(property));

    private static string Of(Type type, NullabilityInfo? nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        var suffix = !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (type.IsArray)
        {
            return Of(type.GetElementType()!, nullability?.ElementType) + "[]" + suffix;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + suffix;
        }

        var name = type.Name;
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments().Select((argument, i) =>
                Of(argument, nullability is { GenericTypeArguments.Length: var count } && i < count ? nullability.GenericTypeArguments[i] : null));
            name = $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", arguments)}>";
        }

        return (type.IsNested ? Of(type.DeclaringType!, null) + "." : string.Empty) + name + suffix;
    }
}
