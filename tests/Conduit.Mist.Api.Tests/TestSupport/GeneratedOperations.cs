using System.Reflection;
using Conduit.Mist.Api;

namespace Conduit.Mist.Tests.TestSupport;

/// <summary>A generated method and the group instance it is called on.</summary>
internal sealed record GeneratedMethod(object Group, MethodInfo Method, MistOperationAttribute Operation)
{
    public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name}";
}

/// <summary>Walks a <see cref="MistApiClient"/> (root properties, then each group's sub-group properties) and lists the generated methods by operation id.</summary>
internal static class GeneratedOperations
{
    public static IReadOnlyList<object> Groups(MistApiClient root)
    {
        var groups = new List<object>();
        var pending = new Queue<object>([root]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var property in current.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.Namespace == typeof(MistApiClient).Namespace && p.PropertyType.Name.EndsWith("Api", StringComparison.Ordinal)))
            {
                var group = property.GetValue(current)!;
                groups.Add(group);
                pending.Enqueue(group);
            }
        }

        return groups;
    }

    /// <summary>The async methods by operation id (an operation accepting JSON and multipart has two).</summary>
    public static ILookup<string, GeneratedMethod> AsyncMethods(MistApiClient root)
        => Groups(root)
            .SelectMany(g => g.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
                .Select(m => (Group: g, Method: m, Attribute: m.GetCustomAttribute<MistOperationAttribute>()))
                .Where(x => x.Attribute is not null)
                .Select(x => new GeneratedMethod(x.Group, x.Method, x.Attribute!)))
            .ToLookup(m => m.Operation.OperationId, StringComparer.Ordinal);
}
