using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Conduit.Mist.Api;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// Every generated operation, found by walking <see cref="MistApiClient"/>'s groups (<c>Orgs</c>, <c>Orgs.Sites</c>…)
/// and reading the <see cref="MistOperationAttribute"/> of their async methods — so a new Mist release, once
/// regenerated, is reachable by <c>conduit mist call</c> without touching the CLI. Looked up by operation id or by C#
/// name, case-insensitively; unknown names get close matches.
/// </summary>
internal sealed class MistOperationCatalog
{
    private static readonly Lazy<MistOperationCatalog> Shared = new(() => new MistOperationCatalog(Discover()));

    private MistOperationCatalog(IReadOnlyList<MistOperation> operations) => Operations = operations;

    /// <summary>The catalog of the generated API this CLI was built with.</summary>
    public static MistOperationCatalog Default => Shared.Value;

    /// <summary>Every generated async operation method, by operation id (an operation with JSON and multipart forms has two).</summary>
    public IReadOnlyList<MistOperation> Operations { get; }

    /// <summary>The operation named <paramref name="name"/>: an operation id (<c>listOrgSites</c>) or a C# name (<c>Orgs.Sites.List</c>, <c>mist.Orgs.Sites.ListAsync</c>, <c>OrgsSitesApi.List</c>).</summary>
    /// <returns>The matching methods (two for an operation with a JSON and a multipart form); empty when none matches.</returns>
    public IReadOnlyList<MistOperation> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        var byId = Operations.Where(o => string.Equals(o.OperationId, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count > 0)
        {
            return byId;
        }

        var csharp = CSharpName(text);
        return [.. Operations.Where(o =>
            string.Equals(o.QualifiedName, csharp, StringComparison.OrdinalIgnoreCase)
            || string.Equals($"{o.Method.DeclaringType!.Name}.{o.MethodName}", csharp, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Up to <paramref name="count"/> operation names close to <paramref name="name"/>, best first.</summary>
    public IReadOnlyList<string> Suggest(string name, int count = 5)
    {
        var text = CSharpName(name.Trim()).ToLowerInvariant();
        if (text.Length == 0)
        {
            return [];
        }

        var limit = Math.Max(2, text.Length / 3);
        return [.. Operations
            .Select(o => (o.OperationId, Score: Math.Min(Score(text, o.OperationId.ToLowerInvariant()), Score(text, o.QualifiedName.ToLowerInvariant()))))
            .Where(x => x.Score <= limit)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.OperationId, StringComparer.Ordinal)
            .Select(x => x.OperationId)
            .Distinct(StringComparer.Ordinal)
            .Take(count)];
    }

    /// <summary>The operations whose id, C# name, method or path contains <paramref name="filter"/> (all when null).</summary>
    public IReadOnlyList<MistOperation> Filter(string? filter) =>
        string.IsNullOrWhiteSpace(filter)
            ? Operations
            : [.. Operations.Where(o => new[] { o.OperationId, o.QualifiedName, o.HttpMethod, o.Path }.Any(s => s.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)))];

    private static List<MistOperation> Discover()
    {
        var operations = new List<MistOperation>();
        Walk(typeof(MistApiClient), [], operations);
        return [.. operations.OrderBy(o => o.OperationId, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.QualifiedName, StringComparer.Ordinal)];
    }

    /// <summary>Collects the operations of <paramref name="group"/> and of its sub-groups (properties of a <c>…Api</c> type), depth first.</summary>
    /// <remarks>
    /// A sub-group's type comes from <see cref="PropertyInfo.PropertyType"/>, which the trimmer cannot follow; every group
    /// type (<c>Conduit.Mist.Api.*Api</c>) is kept whole by the descriptor Trimming/MistApiGroups.xml, so trimmed and
    /// Native AOT builds keep their methods, properties and attributes, and <c>MethodInfo.Invoke</c> works on them.
    /// </remarks>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Every group type (Conduit.Mist.Api.*Api) is kept whole by Trimming/MistApiGroups.xml.")]
    private static void Walk(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicProperties)] Type group,
        List<PropertyInfo> path,
        List<MistOperation> operations)
    {
        foreach (var method in group.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (method.Name.EndsWith("Async", StringComparison.Ordinal) && method.GetCustomAttribute<MistOperationAttribute>() is { } operation)
            {
                operations.Add(new MistOperation(operation.OperationId, operation.Method, operation.Path, string.Join('.', path.Select(p => p.Name)), method, [.. path]));
            }
        }

        foreach (var property in group.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Namespace == typeof(MistApiClient).Namespace && p.PropertyType.Name.EndsWith("Api", StringComparison.Ordinal)))
        {
            Walk(property.PropertyType, [.. path, property], operations);
        }
    }

    /// <summary><c>mist.Orgs.Sites.ListAsync()</c> → <c>Orgs.Sites.List</c>.</summary>
    private static string CSharpName(string text)
    {
        if (text.EndsWith("()", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        if (text.StartsWith("mist.", StringComparison.OrdinalIgnoreCase))
        {
            text = text["mist.".Length..];
        }

        return text.EndsWith("Async", StringComparison.OrdinalIgnoreCase) ? text[..^"Async".Length] : text;
    }

    /// <summary>The edit distance, with a substring counted as a near match.</summary>
    private static int Score(string wanted, string candidate)
    {
        if (candidate.Contains(wanted, StringComparison.Ordinal) || (wanted.Length >= 4 && wanted.Contains(candidate, StringComparison.Ordinal)))
        {
            return 1;
        }

        return Math.Abs(wanted.Length - candidate.Length) > Math.Max(2, wanted.Length / 3) ? int.MaxValue : Distance(wanted, candidate);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
