using System.Reflection;
using Conduit.Mist.Api;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// One generated operation method of <see cref="MistApiClient"/>, found through its <see cref="MistOperationAttribute"/>:
/// the document's operation id, method and path, and where the method sits (<c>Orgs.Sites.ListAsync</c>).
/// </summary>
/// <param name="OperationId">The document's operation id, e.g. <c>listOrgSites</c>.</param>
/// <param name="HttpMethod">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path template, e.g. <c>/api/v1/orgs/{org_id}/sites</c>.</param>
/// <param name="Group">The group's property path from the root, e.g. <c>Orgs.Sites</c>.</param>
/// <param name="Method">The async method.</param>
/// <param name="GroupPath">The properties leading from the root to the group.</param>
internal sealed record MistOperation(string OperationId, string HttpMethod, string Path, string Group, MethodInfo Method, IReadOnlyList<PropertyInfo> GroupPath)
{
    /// <summary>The method's name without <c>Async</c>, e.g. <c>List</c>.</summary>
    public string MethodName => Method.Name.EndsWith("Async", StringComparison.Ordinal) ? Method.Name[..^"Async".Length] : Method.Name;

    /// <summary>The C# name, e.g. <c>Orgs.Sites.List</c> (called as <c>mist.Orgs.Sites.ListAsync(…)</c>).</summary>
    public string QualifiedName => Group.Length == 0 ? MethodName : $"{Group}.{MethodName}";

    /// <summary>Whether the method returns a pageable list (so <c>--all</c> can fetch every page).</summary>
    public bool IsPaged => Method.ReturnType.IsGenericType && Method.ReturnType.GetGenericTypeDefinition() == typeof(Conduit.Mist.Paging.MistAsyncPageable<>);

    /// <summary>Whether the document marks the operation deprecated.</summary>
    public bool IsDeprecated => Method.GetCustomAttribute<ObsoleteAttribute>() is not null;

    /// <summary>The group object of <paramref name="root"/> the method is called on.</summary>
    public object GroupOf(MistApiClient root) => GroupPath.Aggregate((object)root, (current, property) => property.GetValue(current)!);

    /// <summary><c>listOrgSites (GET /api/v1/orgs/{org_id}/sites)</c>.</summary>
    public override string ToString() => $"{OperationId} ({HttpMethod} {Path})";
}
