using System.Reflection;
using Conduit.AuthServer;
using Conduit.AuthService;
using Conduit.Http;
using Conduit.Integrations;
using Conduit.Mist.Sessions;
using Conduit.Redis.RateLimiting;
using Conduit.Sandbox;

namespace Conduit.ConfigDocs;

/// <summary>
/// Finds the options classes of the Conduit packages: in each package's assembly, every public concrete class whose
/// name ends in <c>Options</c> and that has a public parameterless constructor (so its defaults can be read), and
/// every property of it a user can configure.
/// </summary>
internal static class OptionsCatalog
{
    /// <summary>The documented packages, in the order the reference lists them (one type of each anchors its assembly).</summary>
    public static IReadOnlyList<Assembly> Packages { get; } =
    [
        typeof(ConduitClientOptions).Assembly,
        typeof(IntegrationOptions).Assembly,
        typeof(RedisTokenBucketOptions).Assembly,
        typeof(MistSessionOptions).Assembly,
        typeof(AuthClientOptions).Assembly,
        typeof(AuthServerOptions).Assembly,
        typeof(MistSandboxOptions).Assembly,
    ];

    /// <summary>The options classes of <paramref name="assembly"/>, ordered by name.</summary>
    public static IReadOnlyList<Type> OptionsTypes(Assembly assembly) =>
    [
        .. assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The properties of <paramref name="type"/> a user configures: public instance properties with a public setter
    /// (<c>init</c> included), and read-only ones whose value is filled in place (a collection, or nested options),
    /// in declaration order.
    /// </summary>
    public static IReadOnlyList<PropertyInfo> ConfigurableProperties(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true)
            .Where(p => p.SetMethod?.IsPublic == true || IsFilledInPlace(p.PropertyType))
            .OrderBy(p => p.MetadataToken),
    ];

    /// <summary>Whether <paramref name="type"/> is one of the documented options classes.</summary>
    public static bool IsOptionsType(Type type) =>
        Packages.Contains(type.Assembly) && type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal);

    private static bool IsFilledInPlace(Type type) =>
        IsOptionsType(type)
        || (type != typeof(string) && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)));
}
