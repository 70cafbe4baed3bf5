namespace Conduit.Mist.Api;

/// <summary>
/// Names the Mist OpenAPI operation a generated method calls, so tools (the CLI's "any operation by
/// name", the contract test) can find methods by operation id, method and path.
/// </summary>
/// <param name="operationId">The document's operation id.</param>
/// <param name="method">The HTTP method, upper case.</param>
/// <param name="path">The path template as in the document.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MistOperationAttribute(string operationId, string method, string path) : Attribute
{
    /// <summary>The document's operation id, e.g. <c>listOrgSites</c>.</summary>
    public string OperationId { get; } = operationId;

    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; } = method;

    /// <summary>The path template, e.g. <c>/api/v1/orgs/{org_id}/sites</c>.</summary>
    public string Path { get; } = path;
}
